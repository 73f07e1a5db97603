/* nrem-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-application"

#include "config.h"

#include "nrem-application.h"
#include "nrem-error.h"
#include "nrem-window.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

struct _NremApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  NremSession    *session;
  char           *startup_error;
};

G_DEFINE_FINAL_TYPE (NremApplication, nrem_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH instead of the default one"), N_("PATH") },
  { "export-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the data to FILE in the exchange format and exit"), N_("FILE") },
  { "meeting", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Limit an export to the meeting with this uuid (default: everything)"), N_("UUID") },
  { "with-contacts", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Include e-mail addresses and phone numbers in an export"), NULL },
  { "import-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Merge an exchange FILE into the database (all or nothing, after a backup) and exit"),
    N_("FILE") },
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-json: report what would change and change nothing"), NULL },
  { "validate-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check an exchange FILE, report every problem, and exit"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static const char *
lookup_string (GVariantDict *options,
               const char   *key)
{
  const char *value = NULL;

  if (!g_variant_dict_lookup (options, key, "&s", &value) &&
      !g_variant_dict_lookup (options, key, "^&ay", &value))
    return NULL;
  return value;
}

static int
fail (GError *error)
{
  g_printerr ("nrem-desk: %s\n", error->message);
  return error->domain == NREM_ERROR && error->code == NREM_ERROR_INVALID_FILE ? 3 : 2;
}

static NremSession *
open_session (NremApplication  *self,
              GError          **error)
{
  return nrem_session_new (self->db_path, error);
}

static int
run_export (NremApplication *self,
            const char      *file,
            const char      *meeting,
            gboolean         with_contacts)
{
  g_autoptr(NremSession) session = NULL;
  g_autoptr(GError) error = NULL;

  if (!(session = open_session (self, &error)))
    return fail (error);
  if (!nrem_exchange_export_to_file (nrem_session_get_store (session), file, meeting,
                                     with_contacts, &error))
    return fail (error);
  return 0;
}

static int
run_import (NremApplication *self,
            const char      *file,
            gboolean         dry_run)
{
  g_autoptr(NremSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  NremImportReport report;

  if (!(session = open_session (self, &error)))
    return fail (error);
  if (!nrem_exchange_import_file (nrem_session_get_store (session), file, dry_run, &report,
                                  &error))
    return fail (error);
  summary = nrem_import_report_format (&report, dry_run);
  g_print ("%s\n", summary);
  if (report.backup_path != NULL)
    g_print (_("Backup of the database before the import: %s\n"), report.backup_path);
  nrem_import_report_clear (&report);
  return 0;
}

static int
run_validate (NremApplication *self,
              const char      *file)
{
  g_autoptr(NremSession) session = NULL;
  g_autoptr(NremImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = self->db_path ? g_strdup (self->db_path) : nrem_store_default_path ();

  /* References may point into the database; without one, into the built-in data alone.
   * Checking a file never creates a database. */
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *tmp = g_dir_make_tmp ("nrem-desk-XXXXXX", &error);
      g_autofree char *path = NULL;

      if (tmp == NULL)
        return fail (error);
      path = g_build_filename (tmp, "reference.db", NULL);
      session = nrem_session_new (path, &error);
      g_unlink (path);
      {
        g_autofree char *wal = g_strconcat (path, "-wal", NULL);
        g_autofree char *shm = g_strconcat (path, "-shm", NULL);

        g_unlink (wal);
        g_unlink (shm);
      }
      g_rmdir (tmp);
    }
  else
    session = nrem_session_new (db_path, &error);
  if (session == NULL)
    return fail (error);

  import = nrem_import_new_from_file (nrem_session_get_store (session), file, &error);
  if (import == NULL)
    return fail (error);
  g_print (_("%s: valid, %u records\n"), file, nrem_import_get_n_records (import));
  return 0;
}

static int
nrem_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  NremApplication *self = NREM_APPLICATION (app);
  const char *export_json = lookup_string (options, "export-json");
  const char *import_json = lookup_string (options, "import-json");
  const char *validate_json = lookup_string (options, "validate-json");
  const char *meeting = lookup_string (options, "meeting");
  const char *db = lookup_string (options, "db");
  gboolean with_contacts = g_variant_dict_contains (options, "with-contacts");
  gboolean dry_run = g_variant_dict_contains (options, "dry-run");
  guint verbs = (export_json != NULL) + (import_json != NULL) + (validate_json != NULL);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("nrem-desk %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (db != NULL)
    {
      g_free (self->db_path);
      self->db_path = g_canonicalize_filename (db, NULL);
      /* another database is another instance */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  if (verbs > 1)
    {
      g_printerr ("nrem-desk: %s\n", _("Give one of --export-json, --import-json and --validate-json at a time."));
      return 1;
    }
  if (dry_run && import_json == NULL)
    {
      g_printerr ("nrem-desk: %s\n", _("--dry-run goes with --import-json."));
      return 1;
    }
  if ((meeting != NULL || with_contacts) && export_json == NULL)
    {
      g_printerr ("nrem-desk: %s\n", _("--meeting and --with-contacts go with an export."));
      return 1;
    }

  if (export_json != NULL)
    return run_export (self, export_json, meeting, with_contacts);
  if (import_json != NULL)
    return run_import (self, import_json, dry_run);
  if (validate_json != NULL)
    return run_validate (self, validate_json);

  return G_APPLICATION_CLASS (nrem_application_parent_class)->handle_local_options (app, options);
}

static void
nrem_application_activate (GApplication *app)
{
  NremApplication *self = NREM_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (nrem_window_new (self, self->session));
  gtk_window_present (window);
}

static void
nrem_application_startup (GApplication *app)
{
  NremApplication *self = NREM_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (nrem_application_parent_class)->startup (app);

  self->session = nrem_session_new (self->db_path, &error);
  if (self->session == NULL)
    {
      /* The window says what went wrong and offers nothing it cannot do. */
      self->startup_error = g_strdup (error->message);
      g_warning ("%s", error->message);
    }
}

static void
nrem_application_finalize (GObject *object)
{
  NremApplication *self = (NremApplication *) object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->startup_error, g_free);

  G_OBJECT_CLASS (nrem_application_parent_class)->finalize (object);
}

static void
nrem_application_class_init (NremApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = nrem_application_finalize;
  app_class->handle_local_options = nrem_application_handle_local_options;
  app_class->activate = nrem_application_activate;
  app_class->startup = nrem_application_startup;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "NREM Desk developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("NREM Desk"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("NREM Desk developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Prepare and follow the consultations of national rapporteurs "
                                       "on trafficking in persons and equivalent mechanisms: "
                                       "participants, agenda, mandates and recommendations, offline."),
                         "website", "https://github.com/nremdesk/nrem-desk",
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
nrem_application_init (NremApplication *self)
{
  GOptionEntry entries[G_N_ELEMENTS (option_entries)];

  /* the option table's argument descriptions are translated here */
  memcpy (entries, option_entries, sizeof entries);
  for (guint i = 0; entries[i].long_name != NULL; i++)
    {
      entries[i].description = _(entries[i].description);
      if (entries[i].arg_description != NULL)
        entries[i].arg_description = _(entries[i].arg_description);
    }
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Without options, opens the window. With one of --export-json, --import-json or\n"
      "--validate-json, does that without a display and exits: 0 on success, 2 on an error\n"
      "of the database or the file system, 3 when a file is not valid."));

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
}

NremApplication *
nrem_application_new (void)
{
  return g_object_new (NREM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/nremdesk/NremDesk",
                       NULL);
}

NremSession *
nrem_application_get_session (NremApplication *self)
{
  return self->session;
}

const char *
nrem_application_get_startup_error (NremApplication *self)
{
  return self->startup_error;
}
