interface ErrorLike {
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * An error followed by what it wraps: axios's `cause`, and the first of an AggregateError's
 * `errors` (Node's dual-stack connect). Duck-typed rather than `instanceof Error`, because errors
 * raised inside Node (zlib, sockets) come from another realm when code runs in a VM such as jest's.
 */
export function* errorChain(error: unknown, maxDepth = 5): Generator<ErrorLike> {
  let current = error;
  for (let depth = 0; depth < maxDepth && typeof current === 'object' && current !== null; depth++) {
    const link = current as ErrorLike;
    yield link;
    current = Array.isArray(link.errors) && link.errors.length ? link.errors[0] : link.cause;
  }
}
