/* nrem-test-seed.c
 *
 * The first start of the app, as the tests meet it: NremSession creates the database and
 * seeds it from the GResource through the importer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-test-util.h"
#include "nrem-session.h"

NremStore *
nrem_test_open_seeded (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremSession) session = nrem_session_new (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (session);
  g_assert_false (nrem_store_is_read_only (nrem_session_get_store (session)));
  return g_object_ref (nrem_session_get_store (session));
}
