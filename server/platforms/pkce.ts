// OAuth 2.0 state and PKCE (RFC 7636, S256) for connecting accounts: an
// unguessable state checked on the callback (CSRF), and a verifier kept by
// Noor whose SHA-256 challenge goes in the authorization URL.
import { createHash, randomBytes } from 'node:crypto';

/** base64url without padding. */
const base64url = (bytes: Buffer): string => bytes.toString('base64url');

/** A fresh unguessable state value. */
export const newOAuthState = (): string => base64url(randomBytes(24));

/** A fresh PKCE verifier (43 characters of the unreserved set). */
export const newCodeVerifier = (): string => base64url(randomBytes(32));

/** The S256 challenge of a verifier. */
export const codeChallengeOf = (verifier: string): string => base64url(createHash('sha256').update(verifier, 'ascii').digest());
