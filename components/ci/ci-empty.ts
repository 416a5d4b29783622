/** Why a CI chart is empty, and what fills it. */
export const CI_EMPTY = {
  title: 'No finished CI runs in this period',
  reason:
    'GitHub Actions runs appear here once they complete: workflow_run webhooks bring them in as they finish, and the GitHub sync catches any it missed.',
};
