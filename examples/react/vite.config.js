import { defineConfig } from 'vite';

// No React plugin needed: Vite compiles JSX with the automatic runtime.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
});
