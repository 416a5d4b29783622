/** The project the board shows, under the logo; plain text so the shell stays a server render. */
export function ProjectLabel({
  project,
}: {
  project: { name: string; githubOwner: string; githubRepo: string } | undefined;
}) {
  if (!project) return <span className="text-xs text-faint">No project yet</span>;
  return (
    <span
      className="block min-w-0 truncate text-xs text-muted"
      title={`${project.githubOwner}/${project.githubRepo}`}
    >
      {project.githubOwner}/{project.githubRepo}
    </span>
  );
}
