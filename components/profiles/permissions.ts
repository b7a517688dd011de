/**
 * Host permissions, injected so tests (and the headless browser, which cannot answer a prompt) can fake them.
 * `request` must be called synchronously from the click handler: Firefox refuses it after an await.
 */
export interface PermissionsApi {
  contains(origins: string[]): Promise<boolean>;
  request(origins: string[]): Promise<boolean>;
}
