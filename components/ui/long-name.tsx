import { Fragment } from 'react';

/** Where a long name may wrap: after a slash, dash, underscore, dot, colon or at-sign. */
const AFTER_SEPARATOR = /(?<=[/\-_.:@])/;

/**
 * A long name (a DB branch, a git branch, a commit title) that wraps only after its separators,
 * never inside a word, and shows in full on hover.
 */
export function LongName({
  text,
  title = text,
  className = '',
}: {
  text: string;
  title?: string;
  className?: string;
}) {
  const parts = text.split(AFTER_SEPARATOR);
  return (
    <span className={`break-normal [overflow-wrap:normal] ${className}`} title={title}>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
