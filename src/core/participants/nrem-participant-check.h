/* nrem-participant-check.h
 *
 * Checks of what people type into a participant's contact fields. A value that fails is
 * still kept as typed; the check only says what looks wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *nrem_participant_check_email (const char *text);
char *nrem_participant_check_phone (const char *text);
char *nrem_participant_phone_to_uri (const char *text);

G_END_DECLS
