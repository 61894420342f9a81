/**
 * Sprig's random crypto functions. Helm gives new keys, salts, certificates and IVs on every render, so Argo CD
 * finds the app OutOfSync after each sync. Here each renders a deterministic stand-in of the right shape (PEM
 * blocks with the right headers, a bcrypt string, base64 of the right length, AES-256-CBC that decryptAES and
 * Helm's decryptAES can read) and records a caveat at the call. decryptAES is deterministic and exact.
 */
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { CallContext, fn, FuncError, FuncMap } from './funcTypes';
import { GoInt, GoStruct } from './values';

/** `count` bytes derived from `seed` (SHA-256 in counter mode): the same input gives the same bytes. */
function derivedBytes(seed: string, count: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; i * 32 < count; i++) blocks.push(createHash('sha256').update(`${i}\u0000${seed}`).digest());
  return Buffer.concat(blocks).subarray(0, count);
}

/** Go's pem.EncodeToMemory: base64 lines of 64 characters. */
function pem(type: string, body: Buffer): string {
  const lines = body.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${type}-----\n${lines.join('\n')}\n-----END ${type}-----\n`;
}

/** Typical DER sizes: RSA 4096 (genPrivateKey) and 2048 (certificates), P-256, Ed25519 PKCS#8, DSA 2048. */
const KEY_SHAPES: Record<string, [string, number]> = {
  rsa: ['RSA PRIVATE KEY', 2349],
  ecdsa: ['EC PRIVATE KEY', 121],
  ed25519: ['PRIVATE KEY', 48],
  dsa: ['DSA PRIVATE KEY', 444],
};

/** Sprig's certificate struct: templates read `.Cert` and `.Key`. */
export class Certificate extends GoStruct {
  constructor(private readonly cert: string, private readonly key: string) {
    super();
  }
  Cert(): string { return this.cert; }
  Key(): string { return this.key; }
  goString(): string { return `{${this.cert} ${this.key}}`; }
  goTypeName(): string { return 'sprig.certificate'; }
}

function certificate(this: CallContext, func: string, seed: string, key?: string): Certificate {
  this.caveat(func);
  return new Certificate(pem('CERTIFICATE', derivedBytes(`${func}:cert:${seed}`, 1050)), key ?? pem('RSA PRIVATE KEY', derivedBytes(`${func}:key:${seed}`, 1192)));
}

const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A `$2a$10$` hash: 22 salt and 31 hash characters. */
function bcryptStandIn(input: string): string {
  return '$2a$10$' + [...derivedBytes(`bcrypt:${input}`, 53)].map((b) => BCRYPT_ALPHABET[b % 64]).join('');
}

/** Sprig pads the password with zero bytes (or cuts it) to a 32-byte AES-256 key. */
function aesKey(password: string): Buffer {
  const key = Buffer.alloc(32);
  Buffer.from(password, 'utf8').copy(key, 0, 0, 32);
  return key;
}

function encryptAES(this: CallContext, password: string, plaintext: string): string {
  this.caveat('encryptAES');
  if (plaintext === '') return '';
  // Helm draws the IV at random; here it comes from the inputs, so the same text encrypts the same way.
  const iv = derivedBytes(`encryptAES:${password}\u0000${plaintext}`, 16);
  const cipher = createCipheriv('aes-256-cbc', aesKey(password), iv);
  return Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(crypt64) || crypt64.length % 4 !== 0) throw new FuncError('illegal base64 data at input byte 0');
  const crypt = Buffer.from(crypt64, 'base64');
  if (crypt.length < 16 || (crypt.length - 16) % 16 !== 0) throw new FuncError('crypto/cipher: input not full blocks');
  const decipher = createDecipheriv('aes-256-cbc', aesKey(password), crypt.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(crypt.subarray(16)), decipher.final()]);
  const pad = plain.length > 0 ? plain[plain.length - 1] : 0;
  if (pad > plain.length) throw new FuncError(`runtime error: slice bounds out of range [:${plain.length - pad}]`);
  return plain.subarray(0, plain.length - pad).toString('utf8');
}

const list = (v: unknown): string => (Array.isArray(v) ? v.map(String).join(',') : String(v ?? ''));

export const sprigCryptoFuncs: FuncMap = {
  bcrypt: fn(['string'], function (this: CallContext, s: string) {
    this.caveat('bcrypt');
    return bcryptStandIn(s);
  }),
  htpasswd: fn(['string', 'string'], function (this: CallContext, user: string, password: string) {
    if (user.includes(':')) return `invalid username: ${user}`;
    this.caveat('htpasswd');
    return `${user}:${bcryptStandIn(password)}`;
  }),
  randBytes: fn(['int'], function (this: CallContext, n: GoInt) {
    this.caveat('randBytes');
    const count = Number(n.value);
    if (count < 0) throw new FuncError('runtime error: makeslice: len out of range');
    return derivedBytes(`randBytes:${count}`, count).toString('base64');
  }),
  genPrivateKey: fn(['string'], function (this: CallContext, type: string) {
    const shape = KEY_SHAPES[type];
    if (!shape) return `Unknown type ${type}`;
    this.caveat('genPrivateKey');
    return pem(shape[0], derivedBytes(`genPrivateKey:${type}`, shape[1]));
  }),
  genCA: fn(['string', 'int'], function (this: CallContext, cn: string, days: GoInt) {
    return certificate.call(this, 'genCA', `${cn}:${days.value}`);
  }),
  genCAWithKey: fn(['string', 'int', 'string'], function (this: CallContext, cn: string, days: GoInt, key: string) {
    return certificate.call(this, 'genCAWithKey', `${cn}:${days.value}`, key);
  }),
  genSelfSignedCert: fn(['string', 'any', 'any', 'int'], function (this: CallContext, cn: string, ips: unknown, dns: unknown, days: GoInt) {
    return certificate.call(this, 'genSelfSignedCert', `${cn}:${list(ips)}:${list(dns)}:${days.value}`);
  }),
  genSelfSignedCertWithKey: fn(['string', 'any', 'any', 'int', 'string'], function (this: CallContext, cn: string, ips: unknown, dns: unknown, days: GoInt, key: string) {
    return certificate.call(this, 'genSelfSignedCertWithKey', `${cn}:${list(ips)}:${list(dns)}:${days.value}`, key);
  }),
  genSignedCert: fn(['string', 'any', 'any', 'int', 'any'], function (this: CallContext, cn: string, ips: unknown, dns: unknown, days: GoInt) {
    return certificate.call(this, 'genSignedCert', `${cn}:${list(ips)}:${list(dns)}:${days.value}`);
  }),
  genSignedCertWithKey: fn(['string', 'any', 'any', 'int', 'any', 'string'], function (this: CallContext, cn: string, ips: unknown, dns: unknown, days: GoInt, _ca: unknown, key: string) {
    return certificate.call(this, 'genSignedCertWithKey', `${cn}:${list(ips)}:${list(dns)}:${days.value}`, key);
  }),
  encryptAES: fn(['string', 'string'], encryptAES),
  decryptAES: fn(['string', 'string'], decryptAES),
};
