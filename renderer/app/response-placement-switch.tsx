const PLACEMENTS = [
  { below: false, label: 'Beside' },
  { below: true, label: 'Below' },
] as const;

interface ResponsePlacementSwitchProps {
  below: boolean;
  onChange: (below: boolean) => void;
  /** the id of the note saying the response is below for now because the window is too narrow */
  describedBy?: string;
}

/**
 * Where the response sits. Two buttons, each named for its own placement and pressed when chosen: a single toggle
 * labelled "Response below" said nothing but a colour once pressed, and a toggle whose label flips with its state
 * reads as the opposite of what it is.
 */
export function ResponsePlacementSwitch({ below, onChange, describedBy }: ResponsePlacementSwitchProps) {
  return (
    <div className="app-placement__switch" role="group" aria-label="Response placement" aria-describedby={describedBy}>
      <span className="app-placement__label" aria-hidden="true">
        Response
      </span>
      {PLACEMENTS.map((placement) => (
        <button
          key={placement.label}
          type="button"
          className="app-placement__option"
          aria-label={`Response ${placement.label.toLowerCase()}`}
          aria-pressed={placement.below === below}
          onClick={() => onChange(placement.below)}
        >
          <span className={`app-placement__icon app-placement__icon--${placement.below ? 'below' : 'beside'}`} aria-hidden="true" />
          {placement.label}
        </button>
      ))}
    </div>
  );
}
