/* nrem-pane-slot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-pane-slot.h"
#include "nrem-session.h"

struct _NremPaneSlot
{
  GtkWidget    parent_instance;

  char        *pane_type;
  NremSession *session;
  GtkWidget   *pane;
};

G_DEFINE_FINAL_TYPE (NremPaneSlot, nrem_pane_slot, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PANE_TYPE,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The pane is built with the session, the first time there is one: the window hands it over
 * when the slot is first shown. */
static void
build_pane (NremPaneSlot *self)
{
  GType type;

  if (self->pane != NULL || self->session == NULL || self->pane_type == NULL)
    return;
  type = g_type_from_name (self->pane_type);
  g_return_if_fail (g_type_is_a (type, GTK_TYPE_WIDGET));

  self->pane = g_object_new (type, "session", self->session, NULL);
  gtk_widget_set_parent (self->pane, GTK_WIDGET (self));
}

static void
nrem_pane_slot_dispose (GObject *object)
{
  NremPaneSlot *self = (NremPaneSlot *) object;

  g_clear_pointer (&self->pane, gtk_widget_unparent);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (nrem_pane_slot_parent_class)->dispose (object);
}

static void
nrem_pane_slot_finalize (GObject *object)
{
  NremPaneSlot *self = (NremPaneSlot *) object;

  g_free (self->pane_type);

  G_OBJECT_CLASS (nrem_pane_slot_parent_class)->finalize (object);
}

static void
nrem_pane_slot_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  NremPaneSlot *self = NREM_PANE_SLOT (object);

  switch (prop_id)
    {
    case PROP_PANE_TYPE:
      g_value_set_string (value, self->pane_type);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_pane_slot_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  NremPaneSlot *self = NREM_PANE_SLOT (object);

  switch (prop_id)
    {
    case PROP_PANE_TYPE:
      self->pane_type = g_value_dup_string (value);
      break;
    case PROP_SESSION:
      if (g_set_object (&self->session, g_value_get_object (value)))
        {
          if (self->pane != NULL)
            g_object_set (self->pane, "session", self->session, NULL);
          else
            build_pane (self);
          g_object_notify_by_pspec (object, properties[PROP_SESSION]);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_pane_slot_class_init (NremPaneSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_pane_slot_dispose;
  object_class->finalize = nrem_pane_slot_finalize;
  object_class->get_property = nrem_pane_slot_get_property;
  object_class->set_property = nrem_pane_slot_set_property;

  properties[PROP_PANE_TYPE] =
    g_param_spec_string ("pane-type", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NREM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
nrem_pane_slot_init (NremPaneSlot *self)
{
}

/**
 * nrem_pane_slot_get_pane:
 *
 * Returns: (transfer none) (nullable): the pane, once it has been built
 */
GtkWidget *
nrem_pane_slot_get_pane (NremPaneSlot *self)
{
  g_return_val_if_fail (NREM_IS_PANE_SLOT (self), NULL);
  return self->pane;
}
