import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

export function minifyCss(text: string): string;
export function minifyCssLiterals(source: string, fileName?: string): string;
export const esbuildMinifyCssLiterals: EsbuildPlugin;
export const viteMinifyCssLiterals: VitePlugin;
