/* eslint-disable @next/next/no-img-element -- a 28 px avatar needs no image optimizer */

// The Content-Security-Policy (lib/http/content-security-policy.ts) allows images from GitHub's
// avatar host only; anything else (the demo team's github.com/<login>.png) shows initials instead
// of a broken image.
const AVATAR_HOST = 'https://avatars.githubusercontent.com/';

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words.slice(0, 1);
  return letters.map((word) => word.charAt(0).toUpperCase()).join('') || '?';
}

/** A person's GitHub avatar, or their initials on a neutral disc. Decorative: the name is beside it. */
export function Avatar({
  name,
  avatarUrl,
  size = 'md',
}: {
  name: string;
  avatarUrl: string | null;
  size?: 'sm' | 'md';
}) {
  const box = size === 'sm' ? 'size-6 text-[10px]' : 'size-8 text-xs';
  if (avatarUrl?.startsWith(AVATAR_HOST)) {
    return <img src={avatarUrl} alt="" className={`${box} shrink-0 rounded-full bg-subtle`} />;
  }
  return (
    <span
      aria-hidden="true"
      className={`${box} grid shrink-0 place-items-center rounded-full bg-zinc-200 font-semibold text-zinc-700`}
    >
      {initials(name)}
    </span>
  );
}
