/** A row of swatches above a chart whose colours are states rather than series. */
export function ChartLegend({
  items,
}: {
  items: readonly { label: string; color: string; shape?: 'square' | 'band' | 'dash' }[];
}) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className={`inline-block ${item.shape === 'dash' ? 'h-0 w-3 border-t-2 border-dashed' : 'size-2.5 rounded-sm'}`}
            style={
              item.shape === 'dash'
                ? { borderColor: item.color }
                : { background: item.color, opacity: item.shape === 'band' ? 0.25 : 1 }
            }
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
