import type { ParamProblem } from '../i18n';
import type { PageContext } from '../context';
import { Layout } from '../layout';

/** 404 and 400 in the site's look: what happened, in a sentence, and a way back. */
export function ErrorPage({ page, status, problem }: { page: PageContext; status: 400 | 404; problem?: ParamProblem }) {
  const w = page.words;
  const title = status === 404 ? w['error.notFoundTitle'] : w['error.badRequestTitle'];
  const sentence = status === 404 ? w['error.notFound'] : `${w['error.badRequest']} ${problem ? w[problem] : ''}`;
  return (
    <Layout page={page} head={{ title, description: sentence }}>
      <h1 class="fr-mt-4w">{title}</h1>
      <p class="fr-text--lead">{sentence}</p>
      <p>
        <a class="fr-link" href={page.href('/')}>
          {w['error.home']}
        </a>
      </p>
    </Layout>
  );
}
