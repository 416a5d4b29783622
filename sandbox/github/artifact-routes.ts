import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { zipSync } from 'fflate';
import type { Router, SandboxResponse } from '../http/server';
import { githubError, notFound } from './protocol';
import type { ArtifactState } from './state';
import { repoOf, type World } from './world';

type On = Router['on'];

/** GitHub's signed download URLs stay valid for one minute. */
const LINK_LIFETIME_MS = 60_000;
const BLOB_PATH = '/_blobs/artifacts';

/**
 * Artifact downloads as GitHub serves them: the API answers 302 with a short-lived signed URL on
 * blob storage, and that URL (which takes no token) serves the zip. An expired artifact is 410.
 */
export function artifactRoutes(world: World, on: On, router: Router, apiUrl: () => string): void {
  const key = randomBytes(32);
  const sign = (id: number, expires: number) =>
    createHmac('sha256', key).update(`${id}:${expires}`).digest('base64url');
  const findArtifact = (id: number) => {
    for (const repo of world.repos.values()) {
      const artifact = repo.artifacts.find((candidate) => candidate.id === id);
      if (artifact) return artifact;
    }
    return undefined;
  };

  on('GET', '/repos/:owner/:repo/actions/artifacts/:artifact_id/:archive_format', (request) => {
    const repo = repoOf(world, request.params.owner, request.params.repo);
    const id = Number(request.params.artifact_id);
    const artifact = repo?.artifacts.find((candidate) => candidate.id === id);
    if (!repo || !artifact || request.params.archive_format !== 'zip') return notFound();
    if (artifact.expiresAt.getTime() <= world.now().getTime()) {
      return { status: 410, body: githubError(410, 'Artifact has expired') };
    }
    const expires = world.now().getTime() + LINK_LIFETIME_MS;
    const location = `${apiUrl()}${BLOB_PATH}/${id}.zip?se=${expires}&sig=${sign(id, expires)}`;
    return { status: 302, headers: { location } };
  });

  // Not behind the API's token check: the signature is the credential, as on blob storage.
  router.on('GET', `${BLOB_PATH}/:file`, (request): SandboxResponse => {
    const id = Number(/^(\d+)\.zip$/.exec(request.params.file ?? '')?.[1]);
    const expires = Number(request.query.get('se'));
    const given = Buffer.from(request.query.get('sig') ?? '');
    const expected = Buffer.from(sign(id, expires));
    const artifact = findArtifact(id);
    const valid = given.length === expected.length && timingSafeEqual(given, expected);
    if (!artifact || !valid || expires < world.now().getTime()) {
      return { status: 403, body: 'AuthenticationFailed: the signed URL is invalid or expired' };
    }
    const zip = archive(artifact);
    return {
      status: 200,
      headers: {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename=${artifact.name}.zip`,
        // Blob storage sends an ETag too; a client must not cache the zip as API text.
        etag: `"0x${createHash('sha1').update(zip).digest('hex').slice(0, 16).toUpperCase()}"`,
      },
      body: zip,
    };
  });
}

/**
 * The artifact's files zipped the way upload-artifact does (paths relative to its root), or the
 * raw zip it was given.
 */
export function archive(artifact: ArtifactState): Uint8Array {
  if (artifact.zip) return artifact.zip;
  const encoder = new TextEncoder();
  const entries = Object.fromEntries(
    Object.entries(artifact.files ?? {}).map(([path, content]) => [
      path,
      typeof content === 'string' ? encoder.encode(content) : content,
    ]),
  );
  return zipSync(entries, { mtime: artifact.createdAt });
}
