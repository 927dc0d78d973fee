/** The first page's place while its data loads, in a page the browser renders itself. */
export function BootScreen() {
  return (
    <div className="boot" role="status">
      <title>News</title>
      Loading the news…
    </div>
  );
}
