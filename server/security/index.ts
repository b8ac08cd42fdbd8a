// Secrets at rest: the token encryption key, AES-GCM for tokens, scrypt for
// passwords, hashed API keys.
export { SECRET_KEY_BYTES, SECRET_KEY_FORMAT, decodeSecretKey, loadSecretKey, type SecretKeyConfig } from './secret-key';
export { DecryptionError, createSecretBox, type SecretBox } from './encryption';
export { hashPassword, verifyPassword } from './passwords';
export { generateApiKey, hashApiKey, type NewApiKey } from './api-keys';
