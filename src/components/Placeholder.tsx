/** Grey blocks the shape of what is coming, so nothing jumps when it arrives. */
export function StoryListPlaceholder({
  count = 4,
  compact = false,
}: {
  count?: number;
  compact?: boolean;
}) {
  return (
    <div className="placeholder-list" aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        <div
          key={index}
          className={compact ? 'placeholder-story placeholder-story--compact' : 'placeholder-story'}
        >
          <span className="placeholder placeholder--headline" />
          {!compact && <span className="placeholder placeholder--line" />}
          <span className="placeholder placeholder--meta" />
        </div>
      ))}
    </div>
  );
}

export function BodyPlaceholder() {
  return (
    <div className="placeholder-body" aria-hidden="true">
      {Array.from({ length: 8 }, (_, index) => (
        <span key={index} className="placeholder placeholder--line" />
      ))}
    </div>
  );
}
