export function EditorPlaceholder({ height }: { height?: number | string | undefined }) {
  return (
    <div className="code-editor" style={{ height: height ?? '100%', width: '100%' }} aria-busy="true">
      Loading editor…
    </div>
  );
}
