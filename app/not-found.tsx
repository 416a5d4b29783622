import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="grid min-h-dvh place-items-center px-6">
      <div className="text-center">
        <p className="text-sm font-semibold text-muted">404</p>
        <h1 className="mt-1 text-xl font-semibold">This page does not exist</h1>
        <p className="mt-2 text-sm text-muted">Check the address, or start from the overview.</p>
        <Link
          href="/"
          className="mt-4 inline-block text-sm font-medium text-accent hover:underline"
        >
          Go to the overview →
        </Link>
      </div>
    </main>
  );
}
