export declare const CCUSAGE_VERSION: string;
export declare const CCUSAGE_PACKAGE: string;
export declare function ccusagePrefix(repo: string): string;
export declare function ccusagePath(repo: string): string;
