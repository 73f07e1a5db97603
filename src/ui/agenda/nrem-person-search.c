/* nrem-person-search.c
 *
 * The results are NremParticipant records of the store's search (prefix matches first, at most
 * NREM_PERSON_SEARCH_LIMIT); Enter in the entry chooses the first, Down moves into the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-agenda"

#include "config.h"

#include "nrem-person-search.h"
#include "nrem-record.h"
#include "nrem-store-agenda.h"

#include <glib/gi18n.h>

struct _NremPersonSearch
{
  GtkWidget       parent_instance;

  NremStore      *store;
  GListStore     *results;

  GtkSearchEntry *entry;
  GtkListView    *list_view;
  GtkSingleSelection *selection;
  GtkLabel       *status_label;
};

G_DEFINE_FINAL_TYPE (NremPersonSearch, nrem_person_search, GTK_TYPE_WIDGET)

enum {
  PERSON_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
nrem_person_search_refresh (NremPersonSearch *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  if (self->store == NULL)
    return;
  rows = nrem_store_agenda_search_people (self->store, text, NREM_PERSON_SEARCH_LIMIT, &error);
  if (rows == NULL)
    {
      gtk_label_set_label (self->status_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (records, nrem_record_new_for_row (g_ptr_array_index (rows, i)));
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       records->pdata, records->len);

  if (rows->len == 0)
    {
      g_autofree char *message = text[0] != '\0'
        ? g_strdup_printf (_("No participant matches “%s”"), text)
        : g_strdup (_("The Participants directory is empty"));

      gtk_label_set_label (self->status_label, message);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), rows->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list_view), rows->len > 0);
}

void
nrem_person_search_choose (NremPersonSearch *self,
                           guint             position)
{
  g_autoptr(NremRecord) record = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (record == NULL)
    return;
  g_signal_emit (self, signals[PERSON_CHOSEN], 0,
                 nrem_record_get_uuid (record), nrem_record_get_string (record, "name"));
}

static void
on_search_changed_cb (NremPersonSearch *self)
{
  nrem_person_search_refresh (self);
}

static void
on_activate_cb (NremPersonSearch *self)
{
  nrem_person_search_choose (self, 0);
}

static void
on_list_activate_cb (NremPersonSearch *self,
                     guint             position)
{
  nrem_person_search_choose (self, position);
}

static gboolean
on_entry_key_cb (NremPersonSearch      *self,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0)
    {
      gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
      return TRUE;
    }
  return FALSE;
}

static void
nrem_person_search_dispose (GObject *object)
{
  NremPersonSearch *self = (NremPersonSearch *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_PERSON_SEARCH);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->store);
  g_clear_object (&self->results);
  G_OBJECT_CLASS (nrem_person_search_parent_class)->dispose (object);
}

static gboolean
nrem_person_search_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (NREM_PERSON_SEARCH (widget)->entry));
}

static void
nrem_person_search_class_init (NremPersonSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_person_search_dispose;
  widget_class->grab_focus = nrem_person_search_grab_focus;

  /**
   * NremPersonSearch::person-chosen:
   * @uuid: the participant
   * @name: their name
   */
  signals[PERSON_CHOSEN] =
    g_signal_new ("person-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/agenda/nrem-person-search.ui");
  gtk_widget_class_bind_template_child (widget_class, NremPersonSearch, entry);
  gtk_widget_class_bind_template_child (widget_class, NremPersonSearch, list_view);
  gtk_widget_class_bind_template_child (widget_class, NremPersonSearch, selection);
  gtk_widget_class_bind_template_child (widget_class, NremPersonSearch, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (NREM_TYPE_PARTICIPANT);
}

static void
nrem_person_search_init (NremPersonSearch *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->results = g_list_store_new (NREM_TYPE_PARTICIPANT);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->results));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_entry_key_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
  gtk_search_entry_set_key_capture_widget (self->entry, GTK_WIDGET (self->list_view));
}

GtkWidget *
nrem_person_search_new (void)
{
  return g_object_new (NREM_TYPE_PERSON_SEARCH, NULL);
}

void
nrem_person_search_set_store (NremPersonSearch *self,
                              NremStore        *store)
{
  g_return_if_fail (NREM_IS_PERSON_SEARCH (self));

  if (g_set_object (&self->store, store))
    nrem_person_search_refresh (self);
}

void
nrem_person_search_set_text (NremPersonSearch *self,
                             const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  nrem_person_search_refresh (self);
}

GListModel *
nrem_person_search_get_results (NremPersonSearch *self)
{
  return G_LIST_MODEL (self->results);
}

void
nrem_person_search_focus (NremPersonSearch *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

static void
on_popover_show_cb (GtkPopover       *popover,
                    NremPersonSearch *search)
{
  nrem_person_search_refresh (search);
  nrem_person_search_focus (search);
}

static void
on_popover_chosen_cb (GtkPopover *popover)
{
  gtk_popover_popdown (popover);
}

/**
 * nrem_person_search_popover_new:
 *
 * A popover holding a search, for a GtkMenuButton; it closes when a person is chosen.
 */
GtkWidget *
nrem_person_search_popover_new (NremStore         *store,
                                const char        *accessible_label,
                                NremPersonSearch **out_search)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *search = nrem_person_search_new ();

  nrem_person_search_set_store (NREM_PERSON_SEARCH (search), store);
  gtk_popover_set_child (GTK_POPOVER (popover), search);
  gtk_accessible_update_property (GTK_ACCESSIBLE (popover), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_show_cb), search, 0);
  g_signal_connect_object (search, "person-chosen", G_CALLBACK (on_popover_chosen_cb), popover,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  if (out_search != NULL)
    *out_search = NREM_PERSON_SEARCH (search);
  return popover;
}
