import type { NeonStore, SandboxBranch, SandboxEndpoint } from './store';

/**
 * Neon's JSON shapes for what the store holds: branches and endpoints as Neon API v2 returns them
 * (https://api-docs.neon.tech/reference/listprojectbranches,
 * https://api-docs.neon.tech/reference/listprojectendpoints).
 */

const iso = (ms: number) => new Date(ms).toISOString();

/** A fresh database with the app's schema and a little seed data: about 30 MB, as Neon reports one. */
const FRESH_LOGICAL_SIZE = 31_457_280;

export function branchWire(store: NeonStore, branch: SandboxBranch) {
  const state = store.state(branch);
  return {
    id: branch.id,
    project_id: store.projectId,
    ...(branch.parentId ? { parent_id: branch.parentId } : {}),
    name: branch.name,
    current_state: state,
    ...(state === 'ready' ? {} : { pending_state: 'ready' }),
    state_changed_at: iso(branch.updatedAt),
    creation_source: 'console',
    default: branch.isDefault,
    protected: false,
    logical_size: branch.logicalSizeBytes ?? FRESH_LOGICAL_SIZE,
    cpu_used_sec: 0,
    compute_time_seconds: 0,
    active_time_seconds: 0,
    written_data_bytes: 0,
    data_transfer_bytes: 0,
    created_at: iso(branch.createdAt),
    updated_at: iso(branch.updatedAt),
    ...(branch.lastResetAt ? { last_reset_at: iso(branch.lastResetAt) } : {}),
    ...(branch.expiresAt ? { expires_at: branch.expiresAt } : {}),
    init_source: 'parent-data',
  };
}

export function endpointWire(store: NeonStore, endpoint: SandboxEndpoint) {
  const branch = store.branches.get(endpoint.branchId);
  return {
    id: endpoint.id,
    host: endpoint.host,
    branch_id: endpoint.branchId,
    project_id: store.projectId,
    region_id: 'aws-us-east-2',
    type: 'read_write',
    current_state: branch && store.state(branch) === 'ready' ? 'active' : 'init',
    autoscaling_limit_min_cu: 0.25,
    autoscaling_limit_max_cu: 1,
    suspend_timeout_seconds: 0,
    pooler_enabled: false,
    pooler_mode: 'transaction',
    disabled: false,
    passwordless_access: true,
    creation_source: 'console',
    settings: {},
    proxy_host: endpoint.host.split('.').slice(1).join('.'),
    provisioner: 'k8s-neonvm',
    created_at: iso(endpoint.createdAt),
    updated_at: iso(endpoint.createdAt),
  };
}

/** The owner role and database every new branch has, as created branches list them. */
export function roleWire(branch: SandboxBranch, name: string) {
  const at = iso(branch.createdAt);
  return { branch_id: branch.id, name, protected: false, created_at: at, updated_at: at };
}

export function databaseWire(branch: SandboxBranch, id: number, name: string, owner: string) {
  const at = iso(branch.createdAt);
  return { id, branch_id: branch.id, name, owner_name: owner, created_at: at, updated_at: at };
}

/** A branch's annotation; envboard sets none, so its value is empty. */
export function annotationWire(branch: SandboxBranch) {
  return { object: { type: 'console/branch', id: branch.id }, value: {} };
}

/** Neon's connection details: the URI and the parts it is made of. */
export function connectionDetails(
  store: NeonStore,
  endpoint: SandboxEndpoint,
  database: string,
  role: string,
) {
  const [first, ...rest] = endpoint.host.split('.');
  return {
    connection_uri: connectionUri(store, endpoint, database, role, false),
    connection_parameters: {
      database,
      password: store.password,
      role,
      host: endpoint.host,
      pooler_host: [`${first}-pooler`, ...rest].join('.'),
    },
  };
}

export function connectionUri(
  store: NeonStore,
  endpoint: SandboxEndpoint,
  database: string,
  role: string,
  pooled: boolean,
): string {
  const [first, ...rest] = endpoint.host.split('.');
  const host = pooled ? [`${first}-pooler`, ...rest].join('.') : endpoint.host;
  return `postgresql://${role}:${store.password}@${host}/${database}?sslmode=require`;
}

/** Opaque to clients; an offset into the sorted list here. */
export function pageOf<T>(items: T[], query: URLSearchParams, defaultLimit: number) {
  const limit = Math.max(1, Math.min(Number(query.get('limit') ?? defaultLimit), 1000));
  const cursor = query.get('cursor');
  const offset = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) || 0 : 0;
  const page = items.slice(offset, offset + limit);
  const end = offset + page.length;
  return { page, next: Buffer.from(String(end)).toString('base64url'), more: end < items.length };
}
