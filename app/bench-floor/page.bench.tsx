// Rendered on every request like a board page, but with no data and no board shell: what the
// framework alone costs per page. Exists only in the benchmark's build (see next.config.ts).
export const dynamic = 'force-dynamic';

export default function BenchFloor() {
  return <p>floor</p>;
}
