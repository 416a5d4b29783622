import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'envboard', template: '%s · envboard' },
  description:
    'What is running where, is it healthy, what did the tests say, what does it cost: Vercel, Neon and GitHub Actions in one board.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// Rendered per request, every page and the 404 too: Next.js can only put the request's
// Content-Security-Policy nonce (proxy.ts) on the scripts of a page it renders for that request.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
