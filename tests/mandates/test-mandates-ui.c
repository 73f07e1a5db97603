/* test-mandates-ui.c
 *
 * The Mandates pane's widgets under Xvfb: every template instantiated, the matrix driven by
 * its key bindings (the same shortcut actions a key press runs), cells edited in the shared
 * editor and checked in the database, Escape and Undo, mechanisms added and deleted, what a
 * screen reader is told.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mandates/nrem-cell-editor.h"
#include "mandates/nrem-comparison-view.h"
#include "mandates/nrem-mandates-page.h"
#include "mandates/nrem-matrix-grid.h"
#include "mandates/nrem-mechanism-form.h"
#include "mandates/nrem-side-by-side.h"
#include "nrem-session.h"
#include "nrem-test-util.h"
#include "nrem-uuid.h"

#define NL_MECHANISM "1086159e-42a4-4083-bffb-5155ec75a1db"
#define DIM_INDEPENDENCE "90ffe176-2a9e-5832-a624-b5a272015656"

static char *tmp_root;
static guint db_counter;

typedef struct
{
  char             *db_path;
  NremSession      *session;
  GtkWindow        *window;
  NremMandatesPage *page;
  NremMatrixGrid   *grid;
} Fixture;

/* ------------------------------------------------------------------------------------------
 * Helpers
 */

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = nrem_test_source_file ("data", "samples", "nrem-desk-sample.json", NULL);
  NremImportReport report;

  f->db_path = g_strdup_printf ("%s/db-%u.db", tmp_root, db_counter++);
  f->session = nrem_session_new (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (nrem_exchange_import_file (nrem_session_get_store (f->session), sample, FALSE, &report, &error));
  g_assert_no_error (error);
  nrem_import_report_clear (&report);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 760);
  f->page = NREM_MANDATES_PAGE (nrem_mandates_page_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  nrem_mandates_page_set_session (f->page, f->session);
  gtk_window_present (f->window);
  iterate (300);
  if (nrem_mandates_page_get_matrix (f->page) == NULL)
    nrem_mandates_page_reload (f->page);
  f->grid = NREM_MATRIX_GRID (nrem_mandates_page_get_grid (f->page));
  g_assert_nonnull (nrem_mandates_page_get_matrix (f->page));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  iterate (50);
  g_clear_object (&f->session);
  g_free (f->db_path);
}

static char *
db_text (Fixture    *f,
         const char *sql)
{
  sqlite3 *db = nrem_test_sqlite_open (f->db_path);
  char *text = nrem_test_sqlite_text (db, sql);

  sqlite3_close (db);
  return text;
}

static gint64
db_int (Fixture    *f,
        const char *sql)
{
  sqlite3 *db = nrem_test_sqlite_open (f->db_path);
  gint64 n = nrem_test_sqlite_int (db, sql);

  sqlite3_close (db);
  return n;
}

/* Runs what a key press runs: the widget's shortcut for @accel ("Right", "<Control>Return") */
static void
press (GtkWidget  *widget,
       const char *accel)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  gboolean done = FALSE;

  for (guint i = 0; !done && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; !done && j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, accel) != 0)
            continue;
          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                       gtk_shortcut_get_arguments (shortcut)));
          done = TRUE;
        }
    }
  g_object_unref (controllers);
  if (!done)
    g_error ("%s has no shortcut %s", G_OBJECT_TYPE_NAME (widget), accel);
  iterate (20);
}

/* Runs what the editor's key controller does with a key */
static gboolean
press_key_on (GtkWidget *widget,
              guint      keyval)
{
  GListModel *controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
      if (handled)
        break;
    }
  g_object_unref (controllers);
  iterate (20);
  return handled;
}

/* ------------------------------------------------------------------------------------------
 * Tests
 */

static void
test_templates (void)
{
  GType types[] = {
    NREM_TYPE_MANDATES_PAGE, NREM_TYPE_CELL_EDITOR, NREM_TYPE_MECHANISM_FORM,
    NREM_TYPE_COMPARISON_VIEW, NREM_TYPE_SIDE_BY_SIDE, NREM_TYPE_MATRIX_GRID,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (types[i], NULL));

      g_assert_true (GTK_IS_WIDGET (widget));
      if (GTK_IS_POPOVER (widget))
        gtk_widget_unparent (widget);
      g_object_unref (widget);
    }
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  NremMatrix *matrix = nrem_mandates_page_get_matrix (f->page);
  int m, d, m0;
  GtkWidget *editor = nrem_mandates_page_get_editor (f->page);

  gtk_widget_grab_focus (GTK_WIDGET (f->grid));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->grid)));

  /* the cursor starts on the first row (a reference profile), in the name column */
  g_assert_true (nrem_matrix_grid_get_cursor (f->grid, &m, &d));
  m0 = m;
  g_assert_true (nrem_matrix_get_mechanism (matrix, (guint) m)->reference);
  g_assert_cmpint (d, ==, -1);

  press (GTK_WIDGET (f->grid), "Right");
  g_assert_true (nrem_matrix_grid_get_cursor (f->grid, &m, &d));
  g_assert_cmpint (d, ==, 0);
  press (GTK_WIDGET (f->grid), "Right");
  press (GTK_WIDGET (f->grid), "Right");
  press (GTK_WIDGET (f->grid), "Right");
  g_assert_true (nrem_matrix_grid_get_cursor (f->grid, &m, &d));
  g_assert_cmpstr (nrem_matrix_get_dimension (matrix, (guint) d)->key, ==, "independence");
  press (GTK_WIDGET (f->grid), "Down");
  g_assert_true (nrem_matrix_grid_get_cursor (f->grid, &m, &d));
  g_assert_cmpint (m, !=, m0);
  press (GTK_WIDGET (f->grid), "Up");
  g_assert_true (nrem_matrix_grid_get_cursor (f->grid, &m, &d));
  g_assert_cmpint (m, ==, m0);
  press (GTK_WIDGET (f->grid), "Up");   /* at the edge: stays */
  g_assert_true (nrem_matrix_grid_get_cursor (f->grid, &m, &d));
  g_assert_cmpint (m, ==, m0);
  press (GTK_WIDGET (f->grid), "End");
  g_assert_true (nrem_matrix_grid_get_cursor (f->grid, &m, &d));
  g_assert_cmpint (d, ==, 24);
  press (GTK_WIDGET (f->grid), "Home");
  g_assert_true (nrem_matrix_grid_get_cursor (f->grid, &m, &d));
  g_assert_cmpint (d, ==, -1);
  press (GTK_WIDGET (f->grid), "<Control>End");
  g_assert_true (nrem_matrix_grid_get_cursor (f->grid, &m, &d));
  g_assert_cmpint (nrem_matrix_view_find_row (nrem_matrix_grid_get_view (f->grid), m), ==,
                   (int) nrem_matrix_grid_get_view (f->grid)->rows->len - 1);

  /* Enter on a cell opens the shared editor on it; Escape closes it and changes nothing */
  g_assert_true (nrem_matrix_grid_set_cursor (f->grid, nrem_matrix_find_mechanism (matrix, NL_MECHANISM),
                                              nrem_matrix_find_dimension (matrix, DIM_INDEPENDENCE)));
  press (GTK_WIDGET (f->grid), "Return");
  iterate (100);
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_cmpstr (nrem_cell_editor_get_dimension_uuid (NREM_CELL_EDITOR (editor)), ==, DIM_INDEPENDENCE);
  g_assert_true (press_key_on (editor, GDK_KEY_Escape));
  iterate (100);
  g_assert_false (gtk_widget_get_visible (editor));
  g_assert_cmpuint (nrem_mandates_page_get_n_undo (f->page), ==, 0);

  /* Enter on the name column opens the profile */
  press (GTK_WIDGET (f->grid), "Home");
  press (GTK_WIDGET (f->grid), "Return");
  iterate (50);
  g_assert_cmpstr (nrem_mechanism_form_get_uuid (NREM_MECHANISM_FORM (nrem_mandates_page_get_form (f->page))),
                   ==, NL_MECHANISM);

  /* Space picks the mechanism for the side-by-side view */
  press (GTK_WIDGET (f->grid), "space");
  press (GTK_WIDGET (f->grid), "Down");
  press (GTK_WIDGET (f->grid), "space");
  {
    g_autoptr(GPtrArray) picked = nrem_matrix_grid_get_picked (f->grid);

    g_assert_cmpuint (picked->len, ==, 2);
  }
}

static void
test_accessible (Fixture       *f,
                 gconstpointer  data)
{
  NremMatrix *matrix = nrem_mandates_page_get_matrix (f->page);

  g_assert_true (nrem_matrix_grid_set_cursor (f->grid, nrem_matrix_find_mechanism (matrix, NL_MECHANISM),
                                              nrem_matrix_find_dimension (matrix, DIM_INDEPENDENCE)));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (f->grid), GTK_ACCESSIBLE_ROLE_GRID);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Netherlands, National Rapporteur on Trafficking in Human Beings (sample): Independence — By law; has a note");
  press (GTK_WIDGET (f->grid), "Right");
  {
    g_autofree char *text = nrem_matrix_grid_dup_cursor_description (f->grid);

    g_assert_true (g_str_has_prefix (text, "Netherlands, National Rapporteur on Trafficking in Human Beings (sample): Appointment and tenure — "));
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (f->grid), GTK_ACCESSIBLE_PROPERTY_LABEL, text);
  }
}

static void
test_edit_and_undo (Fixture       *f,
                    gconstpointer  data)
{
  NremMatrix *matrix = nrem_mandates_page_get_matrix (f->page);
  NremCellEditor *editor = NREM_CELL_EDITOR (nrem_mandates_page_get_editor (f->page));
  g_autofree char *uuid = nrem_uuid_new_v5_printf ("assessment:%s:%s", NL_MECHANISM, DIM_INDEPENDENCE);
  g_autofree char *sql_value = g_strdup_printf ("SELECT value FROM assessment WHERE uuid = '%s'", uuid);
  g_autofree char *sql_note = g_strdup_printf ("SELECT note FROM assessment WHERE uuid = '%s'", uuid);
  g_autofree char *sql_rev = g_strdup_printf ("SELECT rev FROM assessment WHERE uuid = '%s'", uuid);
  g_autofree char *before = db_text (f, sql_value);
  g_autofree char *after = NULL;
  g_autofree char *note = NULL;
  int m = nrem_matrix_find_mechanism (matrix, NL_MECHANISM);
  int d = nrem_matrix_find_dimension (matrix, DIM_INDEPENDENCE);

  g_assert_cmpstr (before, ==, "by-law");

  /* edit: the value saves at once */
  nrem_mandates_page_edit_cell (f->page, m, d);
  iterate (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  nrem_cell_editor_set_value (editor, "functional");
  after = db_text (f, sql_value);
  g_assert_cmpstr (after, ==, "functional");
  g_assert_cmpint (db_int (f, sql_rev), ==, 2);

  /* the note saves too; one editing session, one step of Undo */
  nrem_cell_editor_set_note (editor, "Changed by the test.");
  note = db_text (f, sql_note);
  g_assert_cmpstr (note, ==, "Changed by the test.");
  g_assert_cmpuint (nrem_mandates_page_get_n_undo (f->page), ==, 1);

  /* Escape puts the cell back as it was */
  g_assert_true (press_key_on (GTK_WIDGET (editor), GDK_KEY_Escape));
  g_clear_pointer (&after, g_free);
  g_clear_pointer (&note, g_free);
  after = db_text (f, sql_value);
  note = db_text (f, sql_note);
  g_assert_cmpstr (after, ==, "by-law");
  g_assert_cmpstr (note, ==, "The law prohibits instructions on the content of reports.");
  g_assert_cmpuint (nrem_mandates_page_get_n_undo (f->page), ==, 0);

  /* edit again and close: Ctrl+Z restores the previous value */
  nrem_mandates_page_edit_cell (f->page, m, d);
  iterate (50);
  nrem_cell_editor_set_value (editor, "part-of-executive");
  gtk_popover_popdown (GTK_POPOVER (editor));
  iterate (100);
  g_clear_pointer (&after, g_free);
  after = db_text (f, sql_value);
  g_assert_cmpstr (after, ==, "part-of-executive");
  iterate (100);   /* the reload after the store's signal */
  g_assert_cmpstr (nrem_matrix_get_cell (nrem_mandates_page_get_matrix (f->page), (guint) m, (guint) d)->value,
                   ==, "part-of-executive");
  press (GTK_WIDGET (f->page), "<Control>z");
  g_clear_pointer (&after, g_free);
  after = db_text (f, sql_value);
  g_assert_cmpstr (after, ==, "by-law");
  g_assert_cmpuint (nrem_mandates_page_get_n_undo (f->page), ==, 0);

  /* a new cell: created with its v5 identity; Undo deletes it again */
  {
    int ref = 0;
    const char *ref_uuid = nrem_matrix_get_mechanism (nrem_mandates_page_get_matrix (f->page), (guint) ref)->uuid;
    int dim = nrem_matrix_find_dimension (nrem_mandates_page_get_matrix (f->page), "appointment-tenure");
    g_autofree char *cell = nrem_uuid_new_v5_printf ("assessment:%s:%s", ref_uuid,
                                                     nrem_matrix_get_dimension (nrem_mandates_page_get_matrix (f->page), (guint) dim)->uuid);
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM assessment WHERE uuid = '%s' AND deleted_at IS NULL", cell);

    g_assert_cmpint (db_int (f, sql), ==, 0);
    nrem_mandates_page_edit_cell (f->page, ref, dim);
    iterate (50);
    nrem_cell_editor_set_value (editor, "Appointed by Parliament for five years.");
    nrem_cell_editor_flush (editor);
    g_assert_cmpint (db_int (f, sql), ==, 1);
    gtk_popover_popdown (GTK_POPOVER (editor));
    iterate (50);
    g_assert_true (nrem_mandates_page_undo (f->page));
    g_assert_cmpint (db_int (f, sql), ==, 0);
  }
}

static void
test_mechanisms (Fixture       *f,
                 gconstpointer  data)
{
  NremMechanismForm *form = NREM_MECHANISM_FORM (nrem_mandates_page_get_form (f->page));
  gint64 before = db_int (f, "SELECT count(*) FROM mechanism WHERE deleted_at IS NULL");
  g_autofree char *uuid = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *name = NULL;

  /* add: a record at once, its profile open */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "mandates.add-mechanism", NULL);
  iterate (50);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM mechanism WHERE deleted_at IS NULL"), ==, before + 1);
  uuid = g_strdup (nrem_mechanism_form_get_uuid (form));
  g_assert_nonnull (uuid);

  /* the name saves as you type (here: at once, on flush) */
  {
    GtkWidget *focus = NULL;
    GtkWidget *entry_row = NULL;
    gint64 deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

    /* the profile slides in, then its name takes the focus */
    while (entry_row == NULL && g_get_monotonic_time () < deadline)
      {
        iterate (20);
        focus = gtk_root_get_focus (GTK_ROOT (f->window));
        entry_row = focus ? gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW) : NULL;
      }

    g_assert_nonnull (entry_row);
    gtk_editable_set_text (GTK_EDITABLE (entry_row), "Commissioner for Trafficking (test)");
  }
  g_assert_true (nrem_mechanism_form_flush (form));
  sql = g_strdup_printf ("SELECT name FROM mechanism WHERE uuid = '%s'", uuid);
  name = db_text (f, sql);
  g_assert_cmpstr (name, ==, "Commissioner for Trafficking (test)");

  /* delete, with its cells; Undo brings it back */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM mechanism WHERE uuid = '%s' AND deleted_at IS NULL", uuid);
  gtk_widget_activate_action (GTK_WIDGET (form), "form.delete", NULL);
  iterate (50);
  g_assert_cmpint (db_int (f, sql), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "mandates.undo", NULL);
  iterate (50);
  g_assert_cmpint (db_int (f, sql), ==, 1);

  /* undoing the addition removes it */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "mandates.undo", NULL);
  iterate (50);
  g_assert_cmpint (db_int (f, sql), ==, 0);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM mechanism WHERE deleted_at IS NULL"), ==, before);
}

static void
test_filter_and_compare (Fixture       *f,
                         gconstpointer  data)
{
  NremMatrix *matrix = nrem_mandates_page_get_matrix (f->page);
  GtkWidget *stack;
  NremComparisonView *comparison;
  GdkPaintable *paintable;
  GtkSnapshot *snapshot;
  GskRenderNode *node;

  nrem_mandates_page_set_search (f->page, "netherlands");
  g_assert_cmpuint (nrem_matrix_grid_get_view (f->grid)->n_mechanisms, ==, 1);
  nrem_mandates_page_set_search (f->page, "");
  g_assert_cmpuint (nrem_matrix_grid_get_view (f->grid)->n_mechanisms, ==, 36);

  /* the comparison has a line of numbers per dimension */
  comparison = g_object_ref_sink (g_object_new (NREM_TYPE_COMPARISON_VIEW, NULL));
  nrem_comparison_view_set_matrix (comparison, matrix);
  g_assert_cmpuint (nrem_comparison_view_get_n_numbers (comparison), ==, 25);
  g_object_unref (comparison);

  /* the matrix draws */
  stack = gtk_widget_get_ancestor (GTK_WIDGET (f->grid), GTK_TYPE_STACK);
  g_assert_nonnull (stack);
  iterate (200);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->grid)), >, 400);
  paintable = gtk_widget_paintable_new (GTK_WIDGET (f->grid));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (f->grid)),
                          gtk_widget_get_height (GTK_WIDGET (f->grid)));
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_unref (node);
  g_object_unref (paintable);

  /* side by side: two picked mechanisms differ somewhere */
  nrem_matrix_grid_toggle_picked (f->grid, nrem_matrix_find_mechanism (matrix, NL_MECHANISM));
  nrem_matrix_grid_toggle_picked (f->grid, 0);
  {
    GtkWidget *sbs = GTK_WIDGET (g_object_new (NREM_TYPE_SIDE_BY_SIDE, NULL));
    g_autoptr(GPtrArray) picked = nrem_matrix_grid_get_picked (f->grid);

    g_object_ref_sink (sbs);
    nrem_side_by_side_set (NREM_SIDE_BY_SIDE (sbs), matrix, picked);
    g_assert_cmpuint (nrem_side_by_side_count_differences (NREM_SIDE_BY_SIDE (sbs)), >, 5);
    g_object_unref (sbs);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL, *config_home = NULL, *cache_home = NULL;
  int status;

  tmp_root = g_dir_make_tmp ("nrem-mandates-ui-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (tmp_root, "data", NULL);
  config_home = g_build_filename (tmp_root, "config", NULL);
  cache_home = g_build_filename (tmp_root, "cache", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/mandates/ui/templates", test_templates);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/mandates/ui/keyboard", test_keyboard);
  ADD ("/mandates/ui/accessible", test_accessible);
  ADD ("/mandates/ui/edit-and-undo", test_edit_and_undo);
  ADD ("/mandates/ui/mechanisms", test_mechanisms);
  ADD ("/mandates/ui/filter-and-compare", test_filter_and_compare);

  status = g_test_run ();
  nrem_test_rm_rf (tmp_root);
  g_free (tmp_root);
  return status;
}
