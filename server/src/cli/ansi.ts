// Minimal ANSI styling for people reading the CLI in a terminal; off when piped or NO_COLOR is set.

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  magenta(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const COLOURED: Style = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  blue: wrap(34, 39),
  green: wrap(32, 39),
  cyan: wrap(36, 39),
  magenta: wrap(35, 39),
};

const identity = (text: string) => text;
export const plainStyle: Style = { bold: identity, dim: identity, red: identity, yellow: identity, blue: identity, green: identity, cyan: identity, magenta: identity };

export function chooseStyle(stream: NodeJS.WriteStream, requested: boolean | undefined): Style {
  if (requested !== undefined) return requested ? COLOURED : plainStyle;
  if (process.env.NO_COLOR) return plainStyle;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return COLOURED;
  return stream.isTTY ? COLOURED : plainStyle;
}
