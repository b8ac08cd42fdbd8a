// Connected social accounts: the OAuth connect flow, the CLI's local owner,
// and deduplicated alerts for accounts that need the user.
export { type AlertInput, type AlertKind, openAlerts, raiseAlert, resolveAlerts } from './alerts';
export { CONNECT_TTL_MS, type CallbackQuery, type ConnectDeps, ConnectError, completeConnection, startConnection } from './connect';
export { LOCAL_OWNER_EMAIL, localOwnerId } from './local-owner';
