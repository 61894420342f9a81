// Decodes a file's bytes as the text Argo CD would read. Kubernetes' YAML reader (sigs.k8s.io/yaml over
// go-yaml) accepts UTF-8 and, with a byte-order mark, UTF-16 in either byte order; a UTF-8 BOM is dropped.

export function decodeText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    // Big-endian: swap each byte pair into little-endian order (a trailing odd byte is dropped).
    const body = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    return body.swap16().toString('utf16le');
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  return bytes.toString('utf8');
}
