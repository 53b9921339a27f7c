type Env = Record<string, string | undefined>;
export declare function contentSecurityPolicy(env?: Env): string;
export declare function strictTransportSecurity(env?: Env): string | null;
export declare function securityHeaders(env?: Env): Array<{ key: string; value: string }>;
export declare const API_CACHE_HEADERS: Array<{ key: string; value: string }>;
