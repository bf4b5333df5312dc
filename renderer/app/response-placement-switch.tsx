const PLACEMENTS = [
  { below: false, label: 'Beside' },
  { below: true, label: 'Below' },
] as const;

interface ResponsePlacementSwitchProps {
  /** the placement the user chose */
  below: boolean;
  /** the placement on screen: below when beside was chosen but the window has no room for it */
  shownBelow: boolean;
  onChange: (below: boolean) => void;
  /** the id of the note saying the response is below for now because the window is too narrow */
  describedBy?: string;
}

/**
 * Where the response sits. Two buttons, each named for its own placement and pressed when it is the one on screen:
 * a single toggle labelled "Response below" said nothing but a colour once pressed, and a toggle whose label flips
 * with its state reads as the opposite of what it is. When Beside is chosen but does not fit, Below is pressed (that
 * is what the user sees), Beside is outlined as the choice waiting for room, and the note says why.
 */
export function ResponsePlacementSwitch({ below, shownBelow, onChange, describedBy }: ResponsePlacementSwitchProps) {
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
          aria-pressed={placement.below === shownBelow}
          data-waiting={placement.below === below && placement.below !== shownBelow ? 'true' : undefined}
          title={placement.below === below && placement.below !== shownBelow ? 'Chosen: the response goes beside once there is room' : undefined}
          onClick={() => onChange(placement.below)}
        >
          <span className={`app-placement__icon app-placement__icon--${placement.below ? 'below' : 'beside'}`} aria-hidden="true" />
          {placement.label}
        </button>
      ))}
    </div>
  );
}
