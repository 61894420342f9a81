// V8 reports an exhausted JavaScript stack as a RangeError with this message; the `yaml` library passes it on as
// a document error's message. Other RangeErrors are a function's own failure.

const MESSAGE = 'Maximum call stack size exceeded';

export function isStackOverflowMessage(message: string): boolean {
  return message.includes(MESSAGE);
}

export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && isStackOverflowMessage(error.message);
}
