export function App() {
  return (
    <main data-testid="app.root">
      <h1>IAM Lab</h1>
    </main>
  );
}
