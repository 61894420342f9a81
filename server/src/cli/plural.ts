// Counted nouns for summaries: "1 warning", "6 warnings".

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
