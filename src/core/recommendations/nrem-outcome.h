/* nrem-outcome.h
 *
 * The outcome document of a meeting: its recommendations as numbered paragraphs with their
 * subparagraphs, in sections, in one of two versions — clean (agreed text only, renumbered,
 * without brackets or alternative labels) and negotiation (everything not withdrawn, with
 * brackets, alternatives, status and proposer) — written as PDF, Markdown or OpenDocument
 * text, or laid out for printing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nrem-document.h"
#include "nrem-recommendation-rules.h"
#include "nrem-store.h"

G_BEGIN_DECLS

typedef enum
{
  NREM_OUTCOME_CLEAN,
  NREM_OUTCOME_NEGOTIATION,
} NremOutcomeVersion;

typedef enum
{
  NREM_OUTCOME_FORMAT_UNKNOWN,
  NREM_OUTCOME_FORMAT_PDF,
  NREM_OUTCOME_FORMAT_MARKDOWN,
  NREM_OUTCOME_FORMAT_ODT,
} NremOutcomeFormat;

typedef struct _NremOutcome NremOutcome;

#define NREM_OUTCOME_GROUPING_META "recommendations-grouping"

NremOutcomeFormat nrem_outcome_format_for_path  (const char         *path);
NremGrouping      nrem_outcome_stored_grouping  (NremStore          *store);

NremOutcome  *nrem_outcome_new               (NremStore          *store,
                                              const char         *meeting_uuid,
                                              NremOutcomeVersion  version,
                                              NremGrouping        grouping,
                                              GError            **error);
void          nrem_outcome_free              (NremOutcome        *outcome);
guint         nrem_outcome_get_n_paragraphs  (NremOutcome        *outcome);
const char   *nrem_outcome_get_title         (NremOutcome        *outcome);

char         *nrem_outcome_to_markdown       (NremOutcome        *outcome);
NremDocument *nrem_outcome_to_document       (NremOutcome        *outcome);
GBytes       *nrem_outcome_to_odt            (NremOutcome        *outcome);
gboolean      nrem_outcome_write             (NremOutcome        *outcome,
                                              const char         *path,
                                              GError            **error);

gboolean      nrem_outcome_export            (NremStore          *store,
                                              const char         *meeting_uuid,
                                              NremOutcomeVersion  version,
                                              NremGrouping        grouping,
                                              const char         *path,
                                              GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NremOutcome, nrem_outcome_free)

G_END_DECLS
