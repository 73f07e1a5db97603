/* nrem-person-search.h
 *
 * Choosing a person from the Participants directory by search: an entry and the people whose
 * name or organisation matches. Used in a popover (chair, rapporteur, speakers) and in the
 * dialog of a delegate's calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nrem-store.h"

G_BEGIN_DECLS

#define NREM_PERSON_SEARCH_LIMIT 50

#define NREM_TYPE_PERSON_SEARCH (nrem_person_search_get_type ())

G_DECLARE_FINAL_TYPE (NremPersonSearch, nrem_person_search, NREM, PERSON_SEARCH, GtkWidget)

GtkWidget  *nrem_person_search_new        (void);
void        nrem_person_search_set_store  (NremPersonSearch *self,
                                           NremStore        *store);
void        nrem_person_search_set_text   (NremPersonSearch *self,
                                           const char       *text);
void        nrem_person_search_refresh    (NremPersonSearch *self);
GListModel *nrem_person_search_get_results (NremPersonSearch *self);
void        nrem_person_search_choose     (NremPersonSearch *self,
                                           guint             position);
void        nrem_person_search_focus      (NremPersonSearch *self);
GtkWidget  *nrem_person_search_popover_new (NremStore       *store,
                                            const char      *accessible_label,
                                            NremPersonSearch **out_search);

G_END_DECLS
