import type { Random } from './random';

const HEX = '0123456789abcdef';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// Neon names branches and projects from words like these (e.g. `br-wispy-meadow-a5xyz123`).
const ADJECTIVES = (
  'autumn billowing bold broad calm cold crimson curly damp dark delicate divine ' +
  'dry empty falling floral fragrant frosty gentle green hidden holy icy jolly late ' +
  'lingering little lively long lucky misty morning muddy nameless noisy odd old ' +
  'orange patient plain polished proud purple quiet rapid raspy red restless rough ' +
  'round royal shiny shy silent small snowy soft solitary sparkling spring square ' +
  'steep still summer super sweet tight tiny twilight wandering weathered white ' +
  'wild winter wispy withered yellow young'
).split(' ');
const NOUNS = (
  'art band bar base bird block boat bonus bread breeze brook bush butterfly cake ' +
  'cell cherry cloud credit darkness dawn dew disk dream dust feather field fire ' +
  'firefly flower fog forest frog frost glade glitter grass hall hat haze heart ' +
  'hill king lab lake leaf limit math meadow mode moon morning mountain mouse mud ' +
  'night paper pine poetry pond queen rain recipe resonance rice river salad scene ' +
  'sea shadow shape silence sky smoke snow snowflake sound star sun sunset surf ' +
  'term thunder tooth tree truth union unit violet voice water waterfall wave ' +
  'wildflower wind wood'
).split(' ');

function characters(random: Random, alphabet: string, length: number): string {
  let text = '';
  for (let index = 0; index < length; index += 1)
    text += alphabet[random.int(0, alphabet.length - 1)];
  return text;
}

export const commitSha = (random: Random) => characters(random, HEX, 40);

/** Vercel ids: `prj_`, `team_`, `dpl_` followed by base62. */
export const vercelProjectId = (random: Random) => `prj_${characters(random, BASE62, 28)}`;
export const vercelTeamId = (random: Random) => `team_${characters(random, BASE62, 24)}`;
export const vercelDeploymentId = (random: Random) => `dpl_${characters(random, BASE62, 28)}`;

/** A deployment's own URL: `<project>-<hash>-<scope>.vercel.app`. */
export function deploymentUrl(random: Random, project: string, scope: string): string {
  return `https://${project}-${characters(random, LOWER_ALNUM, 9)}-${scope}.vercel.app`;
}

export const neonProjectId = (random: Random) =>
  `${random.pick(ADJECTIVES)}-${random.pick(NOUNS)}-${random.int(10_000_000, 99_999_999)}`;

export const neonBranchId = (random: Random) =>
  `br-${random.pick(ADJECTIVES)}-${random.pick(NOUNS)}-${characters(random, LOWER_ALNUM, 8)}`;

/** `feat/Add promo codes!` → `feat-add-promo-codes`, the way Vercel puts branches in hostnames. */
export function slugify(text: string, maxLength = 48, { wholeWords = false } = {}): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastBreak = cut.lastIndexOf('-');
  return (wholeWords && lastBreak > 0 ? cut.slice(0, lastBreak) : cut).replace(/-+$/g, '');
}
