import { usePageBreadcrumbs } from '../common/page_breadcrumbs';

/** "ML Models > <page>" for a nav page; `null` leaves the breadcrumbs to the page itself. */
export function useBreadcrumbs(pageTitle: string | undefined | null) {
  usePageBreadcrumbs(pageTitle === null ? null : pageTitle ? [{ text: pageTitle }] : []);
}
