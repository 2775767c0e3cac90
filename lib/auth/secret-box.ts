// Encrypts small secrets kept in the database (the TOTP key) with AES-256-GCM under a key derived
// from AUTH_SECRET by HKDF-SHA256, so a copy of the database alone does not give anyone's second
// factor. The output names its format version, then the 12-byte nonce and the ciphertext with its
// 16-byte tag, all base64url: "v1.<nonce>.<ciphertext+tag>". A changed byte fails to open.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
// Names the purpose, so the same AUTH_SECRET never yields this key for anything else.
const HKDF_INFO = "second-heart-clinic/secret-box/v1";

export class SecretBoxOpenError extends Error {
  override name = "SecretBoxOpenError";
}

function deriveKey(authSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", Buffer.from(authSecret, "utf8"), Buffer.alloc(0), HKDF_INFO, 32));
}

export function sealSecret(plaintext: Uint8Array, authSecret: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(authSecret), nonce);
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, nonce.toString("base64url"), sealed.toString("base64url")].join(".");
}

/** Throws SecretBoxOpenError when the box was tampered with, is malformed, or was sealed under another secret. */
export function openSecret(box: string, authSecret: string): Uint8Array {
  const [version, nonceText, sealedText, ...rest] = box.split(".");
  if (version !== VERSION || !nonceText || !sealedText || rest.length > 0) {
    throw new SecretBoxOpenError("not a sealed secret");
  }
  const nonce = Buffer.from(nonceText, "base64url");
  const sealed = Buffer.from(sealedText, "base64url");
  if (nonce.length !== NONCE_BYTES || sealed.length < TAG_BYTES) throw new SecretBoxOpenError("not a sealed secret");
  try {
    const decipher = createDecipheriv("aes-256-gcm", deriveKey(authSecret), nonce);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return new Uint8Array(
      Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]),
    );
  } catch {
    throw new SecretBoxOpenError("the sealed secret does not open with this key");
  }
}
