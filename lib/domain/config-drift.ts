import type { EnvironmentKind } from './environments';

/**
 * Configuration drift between environments, from the names and scopes of the Vercel project's
 * environment variables (never their values). Pure, so it tests in milliseconds.
 */

/**
 * One variable as envboard reads it: its name, the environments Vercel applies it to
 * (`production`, `preview`, `development`, or a custom environment's slug such as `staging`)
 * and, for a preview variable, the one git branch it is scoped to.
 */
export interface EnvVarScope {
  key: string;
  targets: readonly string[];
  gitBranch: string | null;
}

export interface DriftEnvironment {
  slug: string;
  kind: EnvironmentKind;
  gitBranch: string | null;
}

export interface EnvironmentConfig {
  slug: string;
  kind: EnvironmentKind;
  /** The variables that apply to this environment, by name. */
  variables: EnvVarScope[];
  /** Names production or staging has that this environment lacks. */
  missing: string[];
}

export interface ConfigDrift {
  environments: EnvironmentConfig[];
  /** Names set for exactly one of the compared environments. */
  onlyOne: { key: string; slug: string }[];
}

/**
 * Vercel applies a variable to production by its target, to the `staging` custom environment by
 * that environment's id (read as its slug), and to every preview deployment (the long-lived
 * development branch is one) by the `preview` target, all branches or the one it names.
 */
export function variableApplies(variable: EnvVarScope, environment: DriftEnvironment): boolean {
  if (environment.kind === 'production' || environment.kind === 'staging') {
    return variable.targets.includes(environment.kind);
  }
  return (
    variable.targets.includes('preview') &&
    (variable.gitBranch === null || variable.gitBranch === environment.gitBranch)
  );
}

const byName = (a: string, b: string) => a.localeCompare(b);

/** Drift among `environments`: what each lacks against production and staging, what one alone has. */
export function configDrift(
  variables: readonly EnvVarScope[],
  environments: readonly DriftEnvironment[],
): ConfigDrift {
  const applying = environments.map((environment) => ({
    environment,
    variables: variables
      .filter((variable) => variableApplies(variable, environment))
      .sort((a, b) => byName(a.key, b.key)),
  }));
  const namesOf = applying.map(({ variables: own }) => new Set(own.map((v) => v.key)));
  const reference = new Set<string>();
  applying.forEach(({ environment }, i) => {
    if (environment.kind === 'production' || environment.kind === 'staging') {
      for (const name of namesOf[i]!) reference.add(name);
    }
  });
  const result = applying.map(({ environment, variables: own }, i) => ({
    slug: environment.slug,
    kind: environment.kind,
    variables: own,
    missing: [...reference].filter((name) => !namesOf[i]!.has(name)).sort(byName),
  }));
  const onlyOne: ConfigDrift['onlyOne'] = [];
  if (environments.length > 1) {
    const allNames = new Set(variables.map((variable) => variable.key));
    for (const key of [...allNames].sort(byName)) {
      const holders = environments.filter((_, i) => namesOf[i]!.has(key));
      if (holders.length === 1) onlyOne.push({ key, slug: holders[0]!.slug });
    }
  }
  return { environments: result, onlyOne };
}

/** Whether the comparison found anything to look at. */
export function hasDrift(drift: ConfigDrift): boolean {
  return drift.onlyOne.length > 0 || drift.environments.some((env) => env.missing.length > 0);
}
