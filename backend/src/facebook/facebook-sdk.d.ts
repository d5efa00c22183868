// The SDK ships no types; this is the part of it that the Graph client uses.
declare module 'facebook-nodejs-business-sdk' {
  export class FacebookAdsApi {
    static readonly VERSION: string;
    static readonly GRAPH: string;
    constructor(accessToken: string, locale?: string, crashLog?: boolean);
    accessToken: string;
    setShowHeader(flag: boolean): this;
    call(
      method: string,
      path: string | string[],
      params?: Record<string, unknown>,
      files?: Record<string, unknown>,
      useMultipartFormData?: boolean,
      urlOverride?: string,
    ): Promise<Record<string, unknown>>;
  }
  export class CrashReporter {
    static disable(): void;
  }
}
