/** Ends a `switch` over a union: adding a member without handling it fails to compile. */
export function exhaustive(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
