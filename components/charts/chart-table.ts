/**
 * The numbers behind a chart as a table: cells are formatted on the server with the same
 * formatters as the chart's tooltip, so the two never differ.
 */
export interface ChartTableData {
  caption: string;
  columns: readonly { key: string; label: string; numeric?: boolean }[];
  rows: readonly Record<string, string>[];
}
