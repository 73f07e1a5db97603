/* nrem-agenda-checks.h
 *
 * Warnings, never refusals: two sessions in one room at once, one person in two sessions at
 * once, a session outside the meeting's dates. Plain functions over rows of the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nrem-row.h"

G_BEGIN_DECLS

typedef enum
{
  NREM_AGENDA_WARNING_ROOM,
  NREM_AGENDA_WARNING_PERSON,
  NREM_AGENDA_WARNING_OUTSIDE,
} NremAgendaWarningKind;

typedef struct
{
  NremAgendaWarningKind  kind;
  char                  *other;    /* the other session (room, person) */
  char                  *person;   /* the person in both (person) */
  char                  *text;     /* what to show */
} NremAgendaWarning;

void        nrem_agenda_warning_free   (NremAgendaWarning *warning);

GHashTable *nrem_agenda_check          (GPtrArray   *sessions,
                                        const char  *meeting_start,
                                        const char  *meeting_end,
                                        GHashTable  *names);
char       *nrem_agenda_warnings_text  (GPtrArray   *warnings);

char      **nrem_agenda_speakers_parse (const char          *json);
char       *nrem_agenda_speakers_json  (const char * const  *uuids);
char      **nrem_agenda_session_people (const NremRow       *session);

G_END_DECLS
