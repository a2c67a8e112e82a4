import { defineConfig } from 'wxt';

// WXT's source dir is extension/: the extension is one room of the repository,
// beside widget/, api-client/ and platform/.
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  manifest: {
    name: 'Vigie',
    description: 'Commentez et signalez les manques de transparence sur les pages publiques.',
  },
});
