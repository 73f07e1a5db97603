/* test-participants-ui.c
 *
 * The Participants pane through its real widgets, in a real window under Xvfb: the list,
 * search, filters and the count against the sample; adding, editing, deleting and undoing,
 * each checked in the database; attendance; the mechanism picker; the one-column layout; the
 * empty state; the CSV import dialog. Every template class is instantiated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nrem-test-util.h"
#include "nrem-csv-import-dialog.h"
#include "nrem-mechanism-picker.h"
#include "nrem-participant-detail.h"
#include "nrem-participants-page-private.h"
#include "nrem-session.h"
#include "nrem-uuid.h"

#define BANGKOK "5862ca7e-5108-5623-8dc4-8bf867ee0229"
#define BERLIN "453635de-548e-5765-b753-cbcd60f3ee6d"
#define SIOBHAN "8609d4cc-8b76-47b5-a085-38745d3ddb1f"
#define HANNAH "55d0c029-21ba-43c8-b3f8-b4cb26634764"

typedef struct
{
  NremTestDir           dir;
  NremSession          *session;
  GtkWindow            *window;
  NremParticipantsPage *page;
} Fixture;

/* ------------------------------------------------------------------------------------------
 * Helpers
 */

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_until (Condition condition,
            gpointer  data,
            guint     timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

static void
spin (guint ms)
{
  wait_until (never, NULL, ms);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static void
open_window (Fixture *f,
             int      width)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  f->window = GTK_WINDOW (adw_window_new ());
  f->page = NREM_PARTICIPANTS_PAGE (nrem_participants_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (f->page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->page));
  adw_window_set_content (ADW_WINDOW (f->window), box);
  gtk_window_set_default_size (f->window, width, 720);
  nrem_participants_page_set_session (f->page, f->session);
  gtk_window_present (f->window);
  g_assert_true (wait_until (is_mapped, f->page, 5000));
  spin (100);
  nrem_participant_list_flush (nrem_participants_page_get_list (f->page));
  nrem_participants_page_update_now (f->page);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean sample = GPOINTER_TO_INT (data);

  nrem_test_dir_setup (&f->dir, NULL);
  f->session = nrem_session_new (f->dir.db_path, &error);
  g_assert_no_error (error);
  if (sample)
    {
      g_autofree char *file = nrem_test_source_file ("data", "samples", "nrem-desk-sample.json", NULL);
      NremImportReport report;

      g_assert_true (nrem_exchange_import_file (nrem_session_get_store (f->session), file, FALSE, &report, &error));
      g_assert_no_error (error);
      nrem_import_report_clear (&report);
    }
  open_window (f, 1280);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  spin (20);
  g_clear_object (&f->session);
  nrem_test_dir_teardown (&f->dir, NULL);
}

static gint64
db_int (Fixture    *f,
        const char *sql)
{
  sqlite3 *db = nrem_test_sqlite_open (f->dir.db_path);
  gint64 value = nrem_test_sqlite_int (db, sql);

  sqlite3_close (db);
  return value;
}

static char *
db_text (Fixture    *f,
         const char *sql)
{
  sqlite3 *db = nrem_test_sqlite_open (f->dir.db_path);
  char *value = nrem_test_sqlite_text (db, sql);

  sqlite3_close (db);
  return value;
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (nrem_participants_page_get_shown (f->page));
}

typedef struct
{
  Fixture    *f;
  const char *text;
} CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *w = data;

  return g_strcmp0 (nrem_participants_page_get_count_text (w->f->page), w->text) == 0;
}

/* Types into the search field, as a person would, and waits for the list to follow. */
static void
type_search (Fixture    *f,
             const char *text,
             const char *expected_count)
{
  GtkWidget *entry = nrem_participants_page_get_search_entry (f->page);
  CountWait wait = { f, expected_count };

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  if (!wait_until (count_is, &wait, 3000))
    g_assert_cmpstr (nrem_participants_page_get_count_text (f->page), ==, expected_count);
}

static char *
first_shown_name (Fixture *f)
{
  g_autoptr(NremParticipantItem) item = g_list_model_get_item (nrem_participants_page_get_shown (f->page), 0);

  return item != NULL ? g_strdup (nrem_participant_item_get_name (item)) : NULL;
}

static gboolean
no_pending (gpointer data)
{
  return !nrem_participant_detail_has_pending (data);
}

/* ------------------------------------------------------------------------------------------
 * Templates
 */

static void
test_templates (void)
{
  g_autoptr(GtkWidget) page = g_object_ref_sink (nrem_participants_page_new ());
  g_autoptr(GtkWidget) detail = g_object_ref_sink (nrem_participant_detail_new ());
  g_autoptr(GtkWidget) picker = g_object_ref_sink (nrem_mechanism_picker_new ());

  g_assert_true (NREM_IS_PARTICIPANTS_PAGE (page));
  g_assert_true (NREM_IS_PARTICIPANT_DETAIL (detail));
  g_assert_true (NREM_IS_MECHANISM_PICKER (picker));
  /* without a session the pane says there is no one, and offers nothing it cannot do */
  g_assert_cmpstr (nrem_participants_page_get_visible_name (NREM_PARTICIPANTS_PAGE (page)), ==, "empty");
  g_assert_false (gtk_widget_activate_action (page, "participants.add", NULL) &&
                  nrem_participants_page_get_list (NREM_PARTICIPANTS_PAGE (page)) != NULL);
}

static void
test_templates_dialog (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("Name,Country\nAna Souza,BR\n", 26);
  NremParticipantCsv *csv = nrem_participant_csv_new (bytes, "people.csv", NULL);
  NremCsvImportDialog *dialog = nrem_csv_import_dialog_new (f->session, csv);

  g_assert_true (NREM_IS_CSV_IMPORT_DIALOG (dialog));
  g_assert_true (nrem_csv_import_dialog_can_import (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------------------------
 * The list, search, filters and the count
 */

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *first = first_shown_name (f);

  g_assert_cmpstr (nrem_participants_page_get_visible_name (f->page), ==, "list");
  g_assert_cmpuint (n_shown (f), ==, 96);
  g_assert_cmpstr (nrem_participants_page_get_count_text (f->page), ==, "96 people from 44 countries");
  /* sorted by name, accents folded */
  g_assert_cmpstr (first, ==, "Abena Mensah-Bonsu");

  /* by country: the first is from Argentina */
  nrem_participants_page_set_filter_choice (f->page, "sort", 1);
  g_clear_pointer (&first, g_free);
  first = first_shown_name (f);
  g_assert_cmpstr (first, ==, "Ximena Núñez");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *name = NULL;

  type_search (f, "oconnor", "2 people from 1 country");
  type_search (f, "siobhan oconnor", "1 person from 1 country");
  name = first_shown_name (f);
  g_assert_cmpstr (name, ==, "Siobhán O'Connor");
  type_search (f, "OCONNOR SIOBHÁN", "1 person from 1 country");
  type_search (f, "JÖRG kruger", "1 person from 1 country");
  type_search (f, "thailand", "8 people from 1 country");
  type_search (f, "nothing like this", "0 people");
  g_assert_cmpstr (nrem_participants_page_get_visible_name (f->page), ==, "no-results");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "participants.clear-filters", NULL);
  nrem_participants_page_update_now (f->page);
  g_assert_cmpstr (nrem_participants_page_get_count_text (f->page), ==, "96 people from 44 countries");
  g_assert_cmpstr (nrem_participants_page_get_visible_name (f->page), ==, "list");
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  nrem_participants_page_set_filter_choice (f->page, "region", 3);   /* Asia (after All, Africa, Americas) */
  nrem_participants_page_update_now (f->page);
  g_assert_cmpstr (nrem_participants_page_get_count_text (f->page), ==, "30 people from 13 countries");

  nrem_participants_page_set_filter_choice (f->page, "role", 2);     /* national rapporteur */
  nrem_participants_page_update_now (f->page);
  g_assert_cmpstr (nrem_participants_page_get_count_text (f->page), ==, "5 people from 4 countries");

  gtk_widget_activate_action (GTK_WIDGET (f->page), "participants.clear-filters", NULL);
  nrem_participants_page_set_filter_choice (f->page, "type", 1);     /* independent national rapporteur */
  nrem_participants_page_update_now (f->page);
  g_assert_cmpuint (n_shown (f), ==, 7);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "participants.clear-filters", NULL);
  nrem_participants_page_set_filter_choice (f->page, "attendance", NREM_ATTENDANCE_FILTER_CONFIRMED);
  nrem_participants_page_update_now (f->page);
  g_assert_cmpuint (n_shown (f), ==, 9);
  nrem_participants_page_set_filter_choice (f->page, "attendance", NREM_ATTENDANCE_FILTER_HEAD);
  nrem_participants_page_update_now (f->page);
  g_assert_cmpuint (n_shown (f), ==, 16);
  {
    g_autofree char *described = nrem_participants_page_describe_filters (f->page);

    g_assert_cmpstr (described, ==, "Bangkok 2014: Heads of delegation");
  }
}

/* "Only this meeting's participants" is one click, and follows the selected meeting. */
static void
test_only_meeting (Fixture       *f,
                   gconstpointer  data)
{
  nrem_session_select_meeting_uuid (f->session, BERLIN);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "participants.only-meeting", NULL);
  nrem_participants_page_update_now (f->page);
  g_assert_cmpuint (n_shown (f), ==, 12);

  nrem_session_select_meeting_uuid (f->session, BANGKOK);
  spin (50);
  nrem_participants_page_update_now (f->page);
  g_assert_cmpuint (n_shown (f), ==, 96);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "participants.only-meeting", NULL);
  nrem_session_select_meeting_uuid (f->session, BERLIN);
  spin (50);
  nrem_participants_page_update_now (f->page);
  g_assert_cmpuint (n_shown (f), ==, 96);
}

/* ------------------------------------------------------------------------------------------
 * Adding, editing, deleting, undoing
 */

static void
test_add_edit (Fixture       *f,
               gconstpointer  data)
{
  NremParticipantDetail *detail = nrem_participants_page_get_detail (f->page);
  NremParticipantItem *item;
  g_autofree char *uuid = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *row = NULL;
  gint64 rev;

  type_search (f, "oconnor", "2 people from 1 country");
  /* Ctrl+N's action: a new person, shown whatever the search */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "participants.add", NULL));
  item = nrem_participants_page_get_selected (f->page);
  g_assert_nonnull (item);
  uuid = g_strdup (nrem_participant_item_get_uuid (item));
  g_assert_cmpstr (nrem_participant_item_get_name (item), ==, "New Participant");
  g_assert_cmpuint (n_shown (f), ==, 97);
  g_assert_true (nrem_participant_detail_get_item (detail) == item);
  /* the name is ready to be typed over */
  g_assert_true (gtk_widget_has_focus (gtk_root_get_focus (GTK_ROOT (f->window))) &&
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         nrem_participant_detail_get_editor (detail, "name")));

  sql = g_strdup_printf ("SELECT name || '|' || ifnull(email, '') || '|' || ifnull(phone, '') || '|' ||"
                         " ifnull(role, '') || '|' || ifnull(country, '') FROM participant WHERE uuid = '%s'", uuid);

  /* typed: saved after the delay, in one transaction */
  nrem_participant_detail_set_field_text (detail, "name", "Zoë Ndlovu-Åberg");
  nrem_participant_detail_set_field_text (detail, "email", "zoe@example.org");
  g_assert_true (nrem_participant_detail_has_pending (detail));
  g_assert_true (wait_until (no_pending, detail, 3000));
  row = db_text (f, sql);
  g_assert_cmpstr (row, ==, "Zoë Ndlovu-Åberg|zoe@example.org|||");
  g_clear_pointer (&row, g_free);
  g_assert_cmpint (db_int (f, "SELECT max(rev) FROM participant WHERE name = 'Zoë Ndlovu-Åberg'"), ==, 2);

  /* an invalid e-mail or phone is marked, and kept as typed */
  nrem_participant_detail_set_field_text (detail, "email", "zoe(at)example");
  nrem_participant_detail_set_field_text (detail, "phone", "call the office");
  g_assert_false (nrem_participant_detail_field_is_valid (detail, "email"));
  g_assert_false (nrem_participant_detail_field_is_valid (detail, "phone"));
  /* said to screen readers on the text that has the focus */
  {
    GtkWidget *email = nrem_participant_detail_get_editor (detail, "email");
    GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (email)));

    gtk_test_accessible_assert_property (text, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                         "An e-mail address needs an “@”");
    gtk_test_accessible_assert_property (text, GTK_ACCESSIBLE_PROPERTY_LABEL, "E-mail");
    gtk_test_accessible_assert_state (text, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  }
  nrem_participant_detail_flush (detail);
  row = db_text (f, sql);
  g_assert_cmpstr (row, ==, "Zoë Ndlovu-Åberg|zoe(at)example|call the office||");
  g_clear_pointer (&row, g_free);
  nrem_participant_detail_set_field_text (detail, "phone", "+27 12 345 6789");
  g_assert_true (nrem_participant_detail_field_is_valid (detail, "phone"));

  /* an empty name is refused, kept marked, and not saved */
  nrem_participant_detail_set_field_text (detail, "name", "  ");
  g_assert_false (nrem_participant_detail_field_is_valid (detail, "name"));
  nrem_participant_detail_flush (detail);
  row = db_text (f, sql);
  g_assert_true (g_str_has_prefix (row, "Zoë Ndlovu-Åberg|"));
  g_clear_pointer (&row, g_free);
  nrem_participant_detail_set_field_text (detail, "name", "Zoë Ndlovu");

  /* choices are saved at once */
  nrem_participant_detail_select_role (detail, "expert");
  nrem_participant_detail_select_country (detail, "ZA");
  row = db_text (f, sql);
  g_assert_cmpstr (row, ==, "Zoë Ndlovu|zoe(at)example|+27 12 345 6789|expert|ZA");
  g_clear_pointer (&row, g_free);

  /* focus leaving a field saves it */
  rev = db_int (f, "SELECT rev FROM participant WHERE name = 'Zoë Ndlovu'");
  nrem_participant_detail_set_field_text (detail, "languages", "Zulu, English");
  gtk_widget_grab_focus (nrem_participants_page_get_search_entry (f->page));
  spin (20);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM participant WHERE name = 'Zoë Ndlovu' AND languages = 'Zulu, English'"), ==, 1);
  g_assert_cmpint (db_int (f, "SELECT rev FROM participant WHERE name = 'Zoë Ndlovu'"), ==, rev + 1);

  /* the list follows the edits */
  spin (50);
  nrem_participant_list_flush (nrem_participants_page_get_list (f->page));
  g_assert_cmpstr (nrem_participant_item_get_name (nrem_participants_page_get_selected (f->page)), ==, "Zoë Ndlovu");
  type_search (f, "zoe ndlovu", "1 person from 1 country");
}

/* A person with the same name and country: a hint, and a way to the other. */
static void
test_duplicate_hint (Fixture       *f,
                     gconstpointer  data)
{
  NremParticipantDetail *detail = nrem_participants_page_get_detail (f->page);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "participants.add", NULL);
  g_assert_null (nrem_participant_detail_get_duplicate_hint (detail));
  nrem_participant_detail_set_field_text (detail, "name", "hannah o'connor");
  nrem_participant_detail_select_country (detail, "IE");
  g_assert_cmpstr (nrem_participant_detail_get_duplicate_hint (detail), ==,
                   "Hannah O'Connor from Ireland is already in the directory. Is it the same person?");
  nrem_participant_detail_select_country (detail, "GB");
  g_assert_null (nrem_participant_detail_get_duplicate_hint (detail));
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *att = nrem_uuid_new_v5_printf ("attendance:%s:%s", SIOBHAN, BANGKOK);
  g_autofree char *att_sql = g_strdup_printf ("SELECT deleted_at IS NULL FROM attendance WHERE uuid = '%s'", att);
  AdwToast *toast;

  g_assert_true (nrem_participants_page_select_uuid (f->page, SIOBHAN));
  gtk_widget_grab_focus (nrem_participants_page_get_column_view (f->page));
  /* the Delete key's action */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "participants.delete", NULL));
  g_assert_cmpint (db_int (f, "SELECT deleted_at IS NOT NULL FROM participant WHERE uuid = '" SIOBHAN "'"), ==, 1);
  g_assert_cmpint (db_int (f, att_sql), ==, 0);
  g_assert_cmpuint (n_shown (f), ==, 95);
  /* the next person is selected */
  g_assert_nonnull (nrem_participants_page_get_selected (f->page));
  g_assert_cmpstr (nrem_participant_item_get_uuid (nrem_participants_page_get_selected (f->page)), !=, SIOBHAN);

  toast = nrem_participants_page_get_last_toast (f->page);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "“Siobhán O'Connor” deleted");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_signal_emit_by_name (toast, "button-clicked");

  g_assert_cmpint (db_int (f, "SELECT deleted_at IS NULL FROM participant WHERE uuid = '" SIOBHAN "'"), ==, 1);
  g_assert_cmpint (db_int (f, att_sql), ==, 1);
  g_assert_cmpuint (n_shown (f), ==, 96);
  g_assert_cmpstr (nrem_participant_item_get_uuid (nrem_participants_page_get_selected (f->page)), ==, SIOBHAN);
  /* undone once: the button again does nothing more */
  g_signal_emit_by_name (toast, "button-clicked");
  g_assert_cmpint (db_int (f, "SELECT rev FROM participant WHERE uuid = '" SIOBHAN "'"), ==, 3);

  /* Ctrl+Z's action undoes the last delete too, while its toast is shown */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "participants.delete", NULL));
  g_assert_cmpint (db_int (f, "SELECT deleted_at IS NOT NULL FROM participant WHERE uuid = '" SIOBHAN "'"), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "participants.undo", NULL));
  g_assert_cmpint (db_int (f, "SELECT deleted_at IS NULL FROM participant WHERE uuid = '" SIOBHAN "'"), ==, 1);
  g_assert_cmpint (db_int (f, att_sql), ==, 1);
}

static void
test_attendance (Fixture       *f,
                 gconstpointer  data)
{
  NremParticipantDetail *detail = nrem_participants_page_get_detail (f->page);
  g_autofree char *att = nrem_uuid_new_v5_printf ("attendance:%s:%s", SIOBHAN, BERLIN);
  g_autofree char *sql = g_strdup_printf ("SELECT status || '/' || head_of_delegation || '/' || (deleted_at IS NULL)"
                                          " FROM attendance WHERE uuid = '%s'", att);
  g_autofree char *row = NULL;

  g_assert_true (nrem_participants_page_select_uuid (f->page, SIOBHAN));
  nrem_participant_detail_select_attendance (detail, BERLIN, "confirmed");
  row = db_text (f, sql);
  g_assert_cmpstr (row, ==, "confirmed/0/1");
  g_clear_pointer (&row, g_free);
  nrem_participant_detail_set_head (detail, BERLIN, TRUE);
  row = db_text (f, sql);
  g_assert_cmpstr (row, ==, "confirmed/1/1");
  g_clear_pointer (&row, g_free);
  nrem_participant_detail_select_attendance (detail, BERLIN, NULL);
  row = db_text (f, sql);
  g_assert_cmpstr (row, ==, "confirmed/1/0");
}

static void
test_mechanism (Fixture       *f,
                gconstpointer  data)
{
  NremParticipantDetail *detail = nrem_participants_page_get_detail (f->page);
  NremMechanismPicker *picker = NREM_MECHANISM_PICKER (nrem_participant_detail_get_mechanism_picker (detail));
  g_autofree char *name = NULL;

  g_assert_true (nrem_participants_page_select_uuid (f->page, SIOBHAN));
  nrem_mechanism_picker_reload (picker);

  /* search by country */
  nrem_mechanism_picker_set_search (picker, "ireland");
  g_assert_cmpuint (nrem_mechanism_picker_get_n_shown (picker), >=, 1);
  nrem_mechanism_picker_set_search (picker, "no such mechanism anywhere");
  g_assert_cmpuint (nrem_mechanism_picker_get_n_shown (picker), ==, 0);
  nrem_mechanism_picker_set_search (picker, "nepal");
  g_assert_cmpuint (nrem_mechanism_picker_get_n_shown (picker), ==, 1);
  g_assert_true (nrem_mechanism_picker_choose (picker, 0));
  name = db_text (f, "SELECT m.country FROM participant p JOIN mechanism m ON m.uuid = p.mechanism"
                     " WHERE p.uuid = '" SIOBHAN "'");
  g_assert_cmpstr (name, ==, "NP");
  g_clear_pointer (&name, g_free);

  /* created inline, without leaving the pane */
  g_assert_true (nrem_mechanism_picker_create (picker, "Irish Rapporteur Office (test)", "IE", "independent-rapporteur"));
  name = db_text (f, "SELECT m.name || '|' || m.type || '|' || m.country FROM participant p"
                     " JOIN mechanism m ON m.uuid = p.mechanism WHERE p.uuid = '" SIOBHAN "'");
  g_assert_cmpstr (name, ==, "Irish Rapporteur Office (test)|independent-rapporteur|IE");
  g_clear_pointer (&name, g_free);
  spin (50);
  nrem_participant_list_flush (nrem_participants_page_get_list (f->page));
  g_assert_cmpstr (nrem_participant_detail_get_mechanism_label (detail), ==, "Irish Rapporteur Office (test)");

  /* a mechanism without a name is refused, and nothing written */
  g_assert_false (nrem_mechanism_picker_create (picker, "", "IE", "other"));
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM mechanism WHERE name IS NULL OR name = ''"), ==, 0);
}

/* ------------------------------------------------------------------------------------------
 * Layouts and states
 */

typedef struct
{
  Fixture  *f;
  gboolean  folded;
} FoldWait;

static gboolean
folded_is (gpointer data)
{
  FoldWait *w = data;

  return nrem_participants_page_is_folded (w->f->page) == w->folded;
}

static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  FoldWait wait = { f, TRUE };

  gtk_window_destroy (f->window);
  open_window (f, 400);
  g_assert_true (wait_until (folded_is, &wait, 3000));
  g_assert_cmpstr (nrem_participants_page_get_visible_pane (f->page), ==, "list");

  /* a person opens in the one column; Back returns to the list */
  g_assert_true (nrem_participants_page_select_uuid (f->page, HANNAH));
  g_signal_emit_by_name (nrem_participants_page_get_column_view (f->page), "activate", 0);
  spin (400);
  g_assert_cmpstr (nrem_participants_page_get_visible_pane (f->page), ==, "detail");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "participants.back", NULL);
  spin (400);
  g_assert_cmpstr (nrem_participants_page_get_visible_pane (f->page), ==, "list");

  /* wide again: side by side */
  gtk_window_set_default_size (f->window, 1200, 720);
  wait.folded = FALSE;
  g_assert_true (wait_until (folded_is, &wait, 3000));
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_assert_cmpstr (nrem_participants_page_get_visible_name (f->page), ==, "empty");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "participants.add", NULL));
  nrem_participants_page_update_now (f->page);
  g_assert_cmpstr (nrem_participants_page_get_visible_name (f->page), ==, "list");
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM participant WHERE deleted_at IS NULL"), ==, 1);
}

/* ------------------------------------------------------------------------------------------
 * CSV import through the dialog
 */

static NremCsvImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (NREM_IS_CSV_IMPORT_DIALOG (window))
        return NREM_CSV_IMPORT_DIALOG (window);
    }
  return NULL;
}

static void
test_csv_dialog (Fixture       *f,
                 gconstpointer  data)
{
  static const char text[] = "Delegate,Nation,E-mail\nAna Souza,Brazil,ana@example.org\nKofi Boateng,Ghana,\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  NremCsvImportDialog *dialog;
  AdwToast *toast;

  /* as the file chooser leaves it: the pane reads the file and opens the dialog */
  nrem_participants_page_open_csv (f->page, bytes, "people.csv");
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);

  /* "Nation" was not recognised: the names are imported without their country */
  g_assert_true (nrem_csv_import_dialog_can_import (dialog));
  g_assert_cmpuint (nrem_csv_import_dialog_get_n_preview_rows (dialog), ==, 2);
  /* corrected by hand, with a meeting */
  nrem_csv_import_dialog_set_mapping (dialog, 1, NREM_CSV_FIELD_COUNTRY);
  nrem_csv_import_dialog_set_meeting (dialog, BERLIN);
  g_assert_cmpstr (nrem_csv_import_dialog_get_summary (dialog), ==, "2 new people");
  /* a column mapped wrongly blocks the import, with the line named */
  nrem_csv_import_dialog_set_mapping (dialog, 2, NREM_CSV_FIELD_ROLE);
  g_assert_false (nrem_csv_import_dialog_can_import (dialog));
  g_assert_nonnull (strstr (nrem_csv_import_dialog_get_summary (dialog), "must be corrected"));
  nrem_csv_import_dialog_set_mapping (dialog, 2, NREM_CSV_FIELD_EMAIL);
  g_assert_true (nrem_csv_import_dialog_can_import (dialog));

  g_assert_true (nrem_csv_import_dialog_run_import (dialog));
  spin (50);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM participant WHERE name = 'Ana Souza' AND country = 'BR'"
                              " AND email = 'ana@example.org'"), ==, 1);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM attendance a JOIN participant p ON p.uuid = a.participant"
                              " WHERE a.meeting = '" BERLIN "' AND p.name IN ('Ana Souza', 'Kofi Boateng')"
                              " AND a.status = 'invited'"), ==, 2);
  toast = nrem_participants_page_get_last_toast (f->page);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Imported 2 people: 2 new, 0 updated, 0 unchanged");
  g_assert_cmpuint (n_shown (f), ==, 98);
}

/* A file that is no CSV of text: said in a dialog that names the line; no import dialog. */
static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
      g_assert_false (NREM_IS_CSV_IMPORT_DIALOG (window));
    }
  return NULL;
}

static void
test_csv_refused (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("Name\nJos\xe9\n", 10);
  guint before = (guint) db_int (f, "SELECT count(*) FROM participant");
  AdwMessageDialog *dialog;

  nrem_participants_page_open_csv (f->page, bytes, "latin1.csv");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Cannot Import the File");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "latin1.csv: line 2: the text is not UTF-8; save the file as “CSV UTF-8” and try again");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM participant"), ==, before);
}

int
main (int    argc,
      char **argv)
{
  nrem_test_dir_setup (&(NremTestDir) { 0 }, NULL);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/participants-ui/templates", test_templates);

#define ADD(path, sample, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (sample), setup, func, teardown)

  ADD ("/participants-ui/templates/dialog", TRUE, test_templates_dialog);
  ADD ("/participants-ui/list", TRUE, test_list);
  ADD ("/participants-ui/search", TRUE, test_search);
  ADD ("/participants-ui/filters", TRUE, test_filters);
  ADD ("/participants-ui/only-meeting", TRUE, test_only_meeting);
  ADD ("/participants-ui/add-edit", TRUE, test_add_edit);
  ADD ("/participants-ui/duplicate-hint", TRUE, test_duplicate_hint);
  ADD ("/participants-ui/delete-undo", TRUE, test_delete_undo);
  ADD ("/participants-ui/attendance", TRUE, test_attendance);
  ADD ("/participants-ui/mechanism", TRUE, test_mechanism);
  ADD ("/participants-ui/narrow", TRUE, test_narrow);
  ADD ("/participants-ui/empty", FALSE, test_empty);
  ADD ("/participants-ui/csv-dialog", TRUE, test_csv_dialog);
  ADD ("/participants-ui/csv-refused", TRUE, test_csv_refused);

  return g_test_run ();
}
