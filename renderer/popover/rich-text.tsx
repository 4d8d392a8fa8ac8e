/**
 * A sentence from main, as text: spans between backticks are code (`claude`), shown as <code>
 * rather than as literal backticks. Nothing else is interpreted: it is not markdown.
 */
export function RichText(props: { readonly text: string }) {
  return (
    <>
      {props.text
        .split('`')
        .map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}
    </>
  );
}
