import styles from './form-controls.module.css';

/**
 * Class names for plain form controls that have no kit component yet: `input` and `select` (with `selectSmall` inside
 * a table cell), `check` (a label around a checkbox), `hint` and `muted` text, and a segmented radio group
 * (`segmented`, `segmentedItem`, `segmentedItemOn`, `segmentedRadio`). The request builder, auth and tests share them.
 */
export const formControls = styles;
