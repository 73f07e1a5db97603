/* nrem-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nrem-session.h"

G_BEGIN_DECLS

#define NREM_TYPE_APPLICATION (nrem_application_get_type ())

G_DECLARE_FINAL_TYPE (NremApplication, nrem_application, NREM, APPLICATION, AdwApplication)

NremApplication *nrem_application_new         (void);
NremSession     *nrem_application_get_session (NremApplication *self);
const char      *nrem_application_get_startup_error (NremApplication *self);

G_END_DECLS
