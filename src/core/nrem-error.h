/* nrem-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NREM_ERROR (nrem_error_quark ())

typedef enum
{
  NREM_ERROR_FAILED,
  NREM_ERROR_READ_ONLY,
  NREM_ERROR_LOCKED,
  NREM_ERROR_TOO_NEW,
  NREM_ERROR_CORRUPT,
  NREM_ERROR_INVALID_FILE,
  NREM_ERROR_NOT_FOUND,
  NREM_ERROR_IO,
} NremError;

GQuark nrem_error_quark (void);

G_END_DECLS
