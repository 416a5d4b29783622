/** A run's errors in full: the provider's own reason is what a person needs to fix it. */
export function SyncRunErrors({ errors }: { errors: readonly string[] }) {
  if (errors.length === 0) return <span className="text-faint">—</span>;
  return (
    <ul className="flex flex-col gap-1" data-testid="sync-run-errors">
      {errors.map((error, index) => (
        <li key={index} className="text-xs break-words whitespace-pre-wrap text-red-700">
          {error}
        </li>
      ))}
    </ul>
  );
}
