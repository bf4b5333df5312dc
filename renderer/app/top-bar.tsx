export function TopBar() {
  return (
    <header className="app-top-bar">
      <h1 className="app-top-bar__name">
        <span className="app-top-bar__logo" aria-hidden="true" />
        Courier
      </h1>
    </header>
  );
}
